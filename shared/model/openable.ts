// Which downloaded files the app hands to the operating system to open: an allowlist, decided by the
// file's first bytes AND its extension agreeing on a kind that only shows content (pictures, PDF,
// plain text, audio, video). Everything else is offered "Save" and "Show in folder" only, since an
// extension the OS treats as a program (.cpl, .msc, .wsf, .url, .iso, .py, .command, …) runs code.
import { extensionOf, sniffImageType } from './file.ts';

export type OpenableKind = 'image' | 'pdf' | 'text' | 'audio' | 'video';

const EXTENSIONS: Record<OpenableKind, readonly string[]> = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp'],
  pdf: ['pdf'],
  text: ['txt', 'log', 'md'],
  audio: ['mp3', 'ogg', 'oga', 'opus', 'm4a', 'wav', 'flac'],
  video: ['mp4', 'm4v', 'webm', 'mkv', 'ogv', 'mov'],
};

const ascii = (bytes: Uint8Array, offset: number, text: string): boolean =>
  [...text].every((c, i) => bytes[offset + i] === c.charCodeAt(0));

/** Plain text: valid UTF-8 without control characters other than tab, newline and carriage return. */
function looksLikeText(bytes: Uint8Array): boolean {
  if (bytes.length === 0) return true;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) return false;
      if (b === 0x7f) return false;
      i++;
      continue;
    }
    const length = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (length === 0) return false;
    // A character cut off at the end of the sample is fine.
    for (let k = 1; k < length && i + k < bytes.length; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return false;
    i += length;
  }
  return true;
}

/** What the first bytes say the file is (of the kinds that may be opened), or undefined. */
export function sniffOpenableKind(head: Uint8Array): OpenableKind | undefined {
  if (sniffImageType(head)) return 'image';
  if (ascii(head, 0, '%PDF-')) return 'pdf';
  if (ascii(head, 0, 'ID3') || (head[0] === 0xff && ((head[1] ?? 0) & 0xe0) === 0xe0)) return 'audio';
  if (ascii(head, 0, 'fLaC') || (ascii(head, 0, 'RIFF') && ascii(head, 8, 'WAVE'))) return 'audio';
  if (ascii(head, 0, 'OggS')) return 'audio';
  if (head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3) return 'video';
  if (ascii(head, 4, 'ftyp')) return ascii(head, 8, 'M4A ') ? 'audio' : 'video';
  if (looksLikeText(head)) return 'text';
  return undefined;
}

/** The kind to open the file as, when its content and its name agree; undefined means: do not open. */
export function openableKind(head: Uint8Array, name: string): OpenableKind | undefined {
  const extension = extensionOf(name);
  const sniffed = sniffOpenableKind(head);
  if (!sniffed) return undefined;
  // Ogg holds audio or video alike; its extension says which.
  if (sniffed === 'audio' && EXTENSIONS.video.includes(extension) && ascii(head, 0, 'OggS')) return 'video';
  return EXTENSIONS[sniffed].includes(extension) ? sniffed : undefined;
}
