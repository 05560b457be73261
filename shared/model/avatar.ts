// Avatars (XEP-0084, XEP-0153): which picture a contact, room or account shows, by the SHA-1 of its bytes.
import type { BareJid } from './jid.ts';

export const AVATAR_TYPES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'] as const;
export type AvatarType = (typeof AVATAR_TYPES)[number];
/** Larger pictures are refused: an avatar is shown at 36 px, published at ≤ 192 px. */
export const MAX_AVATAR_BYTES = 512 * 1024;
/** Our own avatar's side, as Conversations and Dino publish it. */
export const OWN_AVATAR_SIZE = 192;

export interface AvatarRef {
  jid: BareJid;
  /** Lower-case hex SHA-1 of the image bytes. */
  hash: string;
}

export interface AvatarImage {
  type: AvatarType;
  base64: string;
}
