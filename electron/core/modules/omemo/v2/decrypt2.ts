// Decrypting an OMEMO 2 <encrypted/>: our key (under our bare JID), the session, the payload, then the
// SCE envelope, whose `from` must be the sender (and whose `to`, when named, the chat we read it in).
import type { BareJid } from '../../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../../shared/model/jid.ts';
import type { Decrypted } from '../decrypt.ts';
import type { OmemoContext } from '../omemoContext.ts';
import { sameBytes } from './crypto2.ts';
import type { Encrypted2 } from './omemo2.xml.ts';
import { EMPTY_KEY_MATERIAL, openPayload2, parseEnvelope } from './payload2.ts';
import { decryptFrom2, Session2Error } from './session2.ts';

/** Whether this element carries a key for our device. */
export const addressesUs = (ctx: OmemoContext, encrypted: Encrypted2): boolean =>
  encrypted.keys.some((k) => k.rid === ctx.ownId && toBareJid(k.jid) === ctx.ownJid());

export async function decryptMessage2(
  ctx: OmemoContext,
  sender: BareJid,
  encrypted: Encrypted2,
  /** The chat the copy belongs to (a room's JID in rooms, else the peer's or ours). */
  chats: readonly BareJid[],
): Promise<Decrypted> {
  const device = encrypted.sid;
  const ours = encrypted.keys.filter((k) => k.rid === ctx.ownId && toBareJid(k.jid) === ctx.ownJid());
  if (ours.length === 0 && !encrypted.payload) return { kind: 'ignored' };
  if (ours.length === 0)
    return { kind: 'undecryptable', device, error: 'not encrypted for this device', repairable: false };
  let material: Uint8Array | undefined;
  let preKey = false;
  let failure = '';
  for (const key of ours) {
    try {
      ({ plaintext: material, preKey } = await decryptFrom2(ctx, sender, device, key.data, key.kex));
      break;
    } catch (error) {
      if (error instanceof Session2Error && error.code === 'duplicate') return { kind: 'duplicate' };
      failure =
        error instanceof Session2Error && error.code !== 'broken'
          ? error.message
          : 'the session with the sending device is out of step';
      ctx.log.info('an OMEMO 2 key did not decrypt', { sender, device, error: String(error) });
    }
  }
  if (!material) return { kind: 'undecryptable', device, error: failure, repairable: true };
  ctx.repo.touchDevice(ctx.account, sender, device);
  if (!encrypted.payload) {
    if (material.length !== 32 || !sameBytes(material, EMPTY_KEY_MATERIAL))
      ctx.log.info('an OMEMO 2 message without payload carried key material', { sender, device });
    return { kind: 'keyTransport', device, preKey };
  }
  const failed = (error: string): Decrypted => ({ kind: 'undecryptable', device, error, repairable: false });
  let text: string;
  try {
    text = Buffer.from(openPayload2(material, encrypted.payload)).toString('utf8');
  } catch (error) {
    return failed(error instanceof Error ? error.message : String(error));
  }
  const envelope = parseEnvelope(text);
  if (!envelope) return failed('it holds no SCE envelope');
  if (envelope.from !== undefined && toBareJid(envelope.from) !== sender)
    return failed('the encrypted content names another sender');
  const to = envelope.to === undefined ? undefined : toBareJid(envelope.to);
  if (to !== undefined && !chats.includes(to)) return failed('the encrypted content was meant for another chat');
  const trust = ctx.repo.device(ctx.account, sender, device)?.trust ?? 'unknown';
  return { kind: 'message', body: envelope.body, device, trust, preKey, content: envelope.content };
}
