// File type icons drawn as SVG (no emoji font needed): a page with its extension, tinted by kind.
import type { FileKind } from '../../shared/model/file.ts';

const TINTS: Record<FileKind, string> = {
  image: '#2f9e6e',
  video: '#8a4fd8',
  audio: '#d9822b',
  archive: '#8d6e4f',
  document: '#2f6fde',
  other: '#667085',
};

export function FileIcon({ kind, name }: { kind: FileKind; name: string }) {
  const dot = name.lastIndexOf('.');
  const label = (dot > 0 ? name.slice(dot + 1) : '').slice(0, 4).toUpperCase();
  return (
    <svg className="file-icon" width="32" height="38" viewBox="0 0 32 38" aria-hidden="true">
      <path
        d="M3 1h18l8 8v26a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V3a2 2 0 0 1 2-2z"
        fill="var(--panel)"
        stroke={TINTS[kind]}
        strokeWidth="1.6"
      />
      <path d="M21 1v8h8" fill="none" stroke={TINTS[kind]} strokeWidth="1.6" />
      <rect x="1" y="21" width="30" height="11" rx="2" fill={TINTS[kind]} />
      <text
        x="16"
        y="29.5"
        textAnchor="middle"
        fontSize="8"
        fontWeight="700"
        fill="#fff"
        fontFamily="system-ui, sans-serif"
      >
        {label}
      </text>
    </svg>
  );
}

export function PaperclipIcon() {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      <path d="M21 11.5l-8.6 8.6a5.5 5.5 0 0 1-7.8-7.8l8.6-8.6a3.7 3.7 0 0 1 5.2 5.2l-8.6 8.6a1.8 1.8 0 0 1-2.6-2.6l7.9-7.9" />
    </svg>
  );
}
