// Reading avatar announcements: XEP-0084 metadata (PEP) and XEP-0153 photo hashes in presence.
import type { Element } from '../../xmpp/stanza.ts';

export const NS_AVATAR_METADATA = 'urn:xmpp:avatar:metadata';
export const NS_AVATAR_DATA = 'urn:xmpp:avatar:data';
export const NS_VCARD_UPDATE = 'vcard-temp:x:update';
export const NS_VCARD = 'vcard-temp';
const HASH = /^[0-9a-f]{40}$/u;

/**
 * The announced avatar of a metadata item: its hash (the PNG one when several are offered, as XEP-0084
 * requires a PNG), null when the avatar was removed (empty metadata), undefined when unreadable.
 */
export function parseAvatarMetadata(metadata: Element | undefined): string | null | undefined {
  if (!metadata?.is('metadata', NS_AVATAR_METADATA)) return undefined;
  const infos = metadata.getChildren('info').filter((i) => !i.attrs.url && HASH.test((i.attrs.id ?? '').toLowerCase()));
  if (metadata.getChildren('info').length === 0) return null;
  const chosen = infos.find((i) => i.attrs.type === 'image/png') ?? infos[0];
  return chosen ? (chosen.attrs.id ?? '').toLowerCase() : undefined;
}

/** XEP-0153: the photo hash in a presence; null for "no avatar", undefined when not said (or not ready). */
export function parsePhotoUpdate(presence: Element): string | null | undefined {
  const photo = presence.getChild('x', NS_VCARD_UPDATE)?.getChild('photo');
  if (!photo) return undefined;
  const hash = photo.text().trim().toLowerCase();
  if (hash === '') return null;
  return HASH.test(hash) ? hash : undefined;
}

/** The base64 payload of a vCard-temp PHOTO or an avatar data item, as bytes; too large ones are not decoded. */
export function decodeBase64(text: string | undefined, maxBytes: number): Buffer | 'too-large' | undefined {
  const compact = (text ?? '').replace(/\s+/gu, '');
  if (compact === '' || !/^[A-Za-z0-9+/]*={0,2}$/u.test(compact)) return undefined;
  if (Math.floor((compact.length * 3) / 4) > maxBytes + 2) return 'too-large';
  return Buffer.from(compact, 'base64');
}
