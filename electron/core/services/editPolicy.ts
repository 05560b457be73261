// Whether a correction (XEP-0308) or retraction (XEP-0424) may change a stored message. The ids they
// point at travel outside any encryption, so a server could forge them: text shown under a padlock is
// only changed by an edit that was itself decrypted from the same JID and the same device.
import type { BareJid } from '../../../shared/model/jid.ts';
import type { ChatMessage, MessageEncryption } from '../../../shared/model/message.ts';

/** The edit arrived inside the same encryption as the original (or the original was never encrypted). */
export function editSealedLikeOriginal(original: ChatMessage, edit: MessageEncryption | undefined): boolean {
  const sealed = original.encryption;
  // A plain message, or one from an OTR client (plain text beside OTR): plain corrections apply.
  if (!sealed || sealed.protocol === 'otr') return true;
  if (edit === undefined || edit.error !== undefined || edit.protocol !== sealed.protocol) return false;
  if (sealed.jid === undefined || edit.jid !== sealed.jid) return false;
  // OMEMO: the same device; OpenPGP: signed by the same key.
  return sealed.protocol === 'omemo'
    ? sealed.device !== undefined && edit.device === sealed.device
    : sealed.fingerprint !== undefined && edit.fingerprint === sealed.fingerprint;
}

/**
 * In a room, whether an edit comes from the original's sender: the room vouches with occupant-id
 * (XEP-0421), else the real JIDs must both be known and equal. A nick alone never is enough: anyone
 * may take a nick once it is free.
 */
export function sameRoomSender(
  original: Pick<ChatMessage, 'occupantId' | 'senderJid'>,
  edit: { occupantId?: string | undefined; senderJid?: BareJid | undefined },
): boolean {
  if (original.occupantId && edit.occupantId) return original.occupantId === edit.occupantId;
  return original.senderJid !== undefined && edit.senderJid !== undefined && original.senderJid === edit.senderJid;
}
