// Shared files (XEP-0363 uploads, XEP-0066 links): what a file is, and the rules for names and URLs
// that the engine and the UI must apply alike.
import type { BareJid } from './jid.ts';
import type { OpenableKind } from './openable.ts';

export type UploadId = string;
/** A downloaded file in the engine's cache (the hex SHA-256 of its URL). */
export type FileId = string;

/** The server's upload service (XEP-0363) and the largest file it takes, when it says. */
export interface UploadService {
  service?: BareJid;
  maxFileSize?: number;
}

/** What a HEAD request told about a remote file; nothing here is trusted for safety. */
export interface RemoteFileInfo {
  size?: number;
  type?: string;
}

export interface DownloadedFile {
  id: FileId;
  url: string;
  /** Sanitized, safe to show and to save under. */
  name: string;
  size: number;
  /** The image type read from the file's first bytes (never from headers), or application/octet-stream. */
  type: string;
  sha256: string;
  /** Set when the file's content and name agree on a kind the system may open (see openable.ts). */
  openAs?: OpenableKind;
}

/** Bytes per upload.chunk / files.read call: small enough for the WebSocket bridge's frame cap. */
export const FILE_CHUNK_BYTES = 512 * 1024;
export const MAX_READ_BYTES = 4 * 1024 * 1024;
/** No download may grow past this, whatever its headers say. */
export const MAX_DOWNLOAD_BYTES = 2 * 1024 * 1024 * 1024;
export const MAX_FILE_NAME_CHARS = 120;

// Control, format (bidi overrides, zero-width) and filler characters, listed by code point.
const INVISIBLE = /[\p{Cc}\p{Cf}\u115f\u1160\u180e\u3164\uffa0]|[\u17b4\u17b5]|[\ufe00-\ufe0f]/gu;
const RESERVED = /[<>:"|?*]/gu;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$/iu;

/**
 * A file name safe to show and to save: no directories, no invisible or bidi characters (which can
 * disguise "gpj.exe" as "exe.jpg"), no leading dots (hidden files), no Windows device names, bounded length.
 */
export function sanitizeFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/u).at(-1) ?? '';
  let name = base.replace(INVISIBLE, '').replace(RESERVED, '_').replace(/\s+/gu, ' ').trim();
  name = name.replace(/^[.\s]+/u, '').replace(/[.\s]+$/u, '');
  if (WINDOWS_DEVICE.test(name)) name = `_${name}`;
  if (name.length > MAX_FILE_NAME_CHARS) {
    const dot = name.lastIndexOf('.');
    const extension = dot > 0 && name.length - dot <= 16 ? name.slice(dot) : '';
    name = name.slice(0, MAX_FILE_NAME_CHARS - extension.length).trimEnd() + extension;
  }
  return name || 'file';
}

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** https anywhere; plain http to this machine only when asked for (tests). No credentials in URLs. */
/** XEP-0454: aesgcm://host/path#<IV (12 or 16 bytes)><key (32 bytes)>, both hex. */
export function parseEncryptedFileUrl(text: string): { httpsUrl: string; iv: Uint8Array; key: Uint8Array } | undefined {
  const match = /^aesgcm:\/\/([^#]+)#([0-9a-fA-F]{88}|[0-9a-fA-F]{96})$/u.exec(text.trim());
  if (!match?.[1] || !match[2]) return undefined;
  const bytes = Uint8Array.from(match[2].match(/../gu) ?? [], (pair) => Number.parseInt(pair, 16));
  const ivLength = bytes.length - 32;
  return { httpsUrl: `https://${match[1]}`, iv: bytes.slice(0, ivLength), key: bytes.slice(ivLength) };
}

export function isAllowedFileUrl(text: string, plainHttpOnLoopback = false): boolean {
  const encrypted = parseEncryptedFileUrl(text);
  if (encrypted) return isAllowedFileUrl(encrypted.httpsUrl);
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  if (url.username || url.password) return false;
  if (url.protocol === 'https:') return true;
  return plainHttpOnLoopback && url.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
}

/** The last path segment of a URL, decoded and sanitized. */
export function fileNameFromUrl(text: string): string {
  try {
    const segment = new URL(text).pathname.split('/').filter(Boolean).at(-1) ?? '';
    let decoded = segment;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      /* keep it encoded */
    }
    return sanitizeFileName(decoded);
  } catch {
    return 'file';
  }
}

/**
 * The URL a message shares as a file: its body is just that URL, and either the sender marked it
 * (XEP-0066 with the same URL) or the URL ends in a file name with an extension.
 */
export function sharedFileUrl(body: string, oobUrl?: string): string | undefined {
  const text = body.trim();
  if (!text || /\s/u.test(text) || text.length > 4096 || !isAllowedFileUrl(text)) return undefined;
  if (oobUrl === text || parseEncryptedFileUrl(text)) return text;
  try {
    const segment = new URL(text).pathname.split('/').at(-1) ?? '';
    return /^[^.]+.*\.[a-z0-9]{1,8}$/iu.test(segment) ? text : undefined;
  } catch {
    return undefined;
  }
}

export type FileKind = 'image' | 'video' | 'audio' | 'archive' | 'document' | 'other';
const KINDS: Record<Exclude<FileKind, 'other'>, readonly string[]> = {
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp', 'heic', 'svg', 'tif', 'tiff'],
  video: ['mp4', 'webm', 'mkv', 'mov', 'avi', 'm4v'],
  audio: ['mp3', 'ogg', 'oga', 'opus', 'm4a', 'wav', 'flac', 'aac'],
  archive: ['zip', 'tar', 'gz', 'tgz', 'bz2', 'xz', '7z', 'rar', 'zst'],
  document: ['pdf', 'txt', 'md', 'doc', 'docx', 'odt', 'xls', 'xlsx', 'ods', 'ppt', 'pptx', 'odp', 'csv', 'rtf'],
};

export function fileKind(name: string): FileKind {
  const extension = extensionOf(name);
  for (const [kind, extensions] of Object.entries(KINDS) as [FileKind, readonly string[]][]) {
    if (extensions.includes(extension)) return kind;
  }
  return 'other';
}

/** Raster images a preview may show (SVG is a document that can carry script: never inline). */
export function isPreviewableImageName(name: string): boolean {
  return ['png', 'jpg', 'jpeg', 'gif', 'webp', 'avif', 'bmp'].includes(extensionOf(name));
}

/** The raster image type of these bytes by their signature, or undefined when they are no image we show. */
export function sniffImageType(bytes: Uint8Array): string | undefined {
  const at = (offset: number, ...values: number[]): boolean => values.every((v, i) => bytes[offset + i] === v);
  const ascii = (offset: number, text: string): boolean => at(offset, ...[...text].map((c) => c.charCodeAt(0)));
  if (at(0, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (at(0, 0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (ascii(0, 'GIF87a') || ascii(0, 'GIF89a')) return 'image/gif';
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  if (ascii(4, 'ftypavif') || ascii(4, 'ftypavis')) return 'image/avif';
  if (ascii(0, 'BM') && bytes.length > 26) return 'image/bmp';
  return undefined;
}

/** 10485760 → "10 MiB"; one decimal below 10 of a unit. */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  const text = unit === 0 || value >= 10 || Number.isInteger(value) ? String(Math.round(value)) : value.toFixed(1);
  return `${text} ${units[unit] ?? ''}`;
}
