// Which <encrypted/> of a copy to read: a stanza may carry both versions (a sender with recipients on
// each); the one holding a key for this device is read, OMEMO 2 first.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Element } from '../../xmpp/stanza.ts';
import { type Decrypted, decryptMessage } from './decrypt.ts';
import type { OmemoContext } from './omemoContext.ts';
import { parseEncrypted } from './omemo.xml.ts';
import { addressesUs, decryptMessage2 } from './v2/decrypt2.ts';
import { NS_OMEMO2, parseEncrypted2 } from './v2/omemo2.xml.ts';

export async function openCopy(
  ctx: OmemoContext,
  message: Element,
  sender: BareJid,
  /** The chats an OMEMO 2 envelope may name as its recipient. */
  chats: readonly BareJid[],
): Promise<{ result: Decrypted | undefined; version: 'legacy' | 'v2' }> {
  const v2 = message.getChild('encrypted', NS_OMEMO2) ? parseEncrypted2(message) : undefined;
  const legacy = v2 && addressesUs(ctx, v2) ? undefined : parseEncrypted(message);
  if (legacy) return { result: await decryptMessage(ctx, sender, legacy), version: 'legacy' };
  if (v2) return { result: await decryptMessage2(ctx, sender, v2, chats), version: 'v2' };
  return { result: undefined, version: 'legacy' };
}
