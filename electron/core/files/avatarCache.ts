// The avatar cache: images by the SHA-1 of their bytes, in the file cache. Only bytes that are an image
// by their first bytes (PNG, JPEG, GIF, WebP; never SVG), within the size cap, whose hash is the one
// they were announced with, are kept; file names are that verified hash, nothing a peer chose.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type AvatarType, MAX_AVATAR_BYTES } from '../../../shared/model/avatar.ts';

export type AvatarRefusal = 'too-large' | 'not-an-image' | 'hash-mismatch';

export function sniffImage(bytes: Uint8Array): AvatarType | undefined {
  const starts = (...sig: number[]): boolean => sig.every((b, i) => bytes[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP') return 'image/webp';
  return undefined;
}

export const sha1Hex = (bytes: Uint8Array): string => createHash('sha1').update(bytes).digest('hex');
const HASH = /^[0-9a-f]{40}$/u;

export interface AvatarCache {
  has(hash: string): boolean;
  read(hash: string): { type: AvatarType; bytes: Buffer } | undefined;
  /** Checks and keeps the bytes; `expected`: the hash they were announced with. */
  put(bytes: Uint8Array, expected?: string): { hash: string; type: AvatarType } | { refused: AvatarRefusal };
}

export function createAvatarCache(filesDir: string): AvatarCache {
  const dir = join(filesDir, 'avatars');
  const path = (hash: string): string | undefined => (HASH.test(hash) ? join(dir, hash) : undefined);
  return {
    has: (hash) => {
      const at = path(hash);
      return at !== undefined && existsSync(at);
    },
    read: (hash) => {
      const at = path(hash);
      if (!at || !existsSync(at)) return undefined;
      const bytes = readFileSync(at);
      const type = sniffImage(bytes);
      return type ? { type, bytes } : undefined;
    },
    put: (bytes, expected) => {
      if (bytes.byteLength > MAX_AVATAR_BYTES) return { refused: 'too-large' };
      const type = sniffImage(bytes);
      if (!type) return { refused: 'not-an-image' };
      const hash = sha1Hex(bytes);
      if (expected !== undefined && expected.toLowerCase() !== hash) return { refused: 'hash-mismatch' };
      const at = path(hash);
      if (at && !existsSync(at)) {
        mkdirSync(dir, { recursive: true });
        writeFileSync(`${at}.part`, bytes);
        renameSync(`${at}.part`, at);
      }
      return { hash, type };
    },
  };
}
