// Sessions that heal themselves, as python-omemo and Conversations do: a session a pre-key message opened
// is completed with an empty message (so the peer stops sending pre-key messages); after 53 messages
// received from a device without sending it anything, an empty message moves the ratchet on; a device
// whose message cannot be decrypted (lost or broken session) gets a new session from a fresh bundle and an
// empty message on it, at most once an hour per device. The failed message stays visibly unreadable.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Logger } from '../../log.ts';
import { randomUUID } from 'node:crypto';
import { el, xml } from '../../xmpp/stanza.ts';
import { NS_HINTS } from '../chat/chat.build.ts';
import { sessionFromBundle } from './encrypt.ts';
import type { OmemoContext } from './omemoContext.ts';
import { buildEncrypted } from './omemo.xml.ts';
import { sealPayload } from './payload.ts';
import { encryptFor } from './signal.ts';
import { buildEncrypted2 } from './v2/omemo2.xml.ts';
import { EMPTY_KEY_MATERIAL } from './v2/payload2.ts';
import { encryptFor2 } from './v2/session2.ts';

type Version = 'legacy' | 'v2';

/** Messages received from a device without our answering before an empty message refreshes the session. */
export const STALE_AFTER = 53;
const REPAIR_INTERVAL_MS = 60 * 60_000;

export type HealReason = 'completes-session' | 'stale' | 'repair';

/** The empty message for one device (legacy: key transport; OMEMO 2: 32 zero bytes), kept by the server. */
async function emptyMessage(ctx: OmemoContext, jid: BareJid, device: number, version: Version) {
  let encrypted;
  if (version === 'v2') {
    const { kex, data } = encryptFor2(ctx, jid, device, EMPTY_KEY_MATERIAL);
    encrypted = buildEncrypted2({ sid: ctx.ownId, keys: [{ jid, rid: device, kex, data }] });
  } else {
    const { keyMaterial, iv } = sealPayload('');
    const { preKey, data } = await encryptFor(ctx.keys, jid, device, keyMaterial);
    encrypted = buildEncrypted({ sid: ctx.ownId, keys: [{ rid: device, preKey, data }], iv });
  }
  return xml('message', { to: jid, type: 'chat', id: randomUUID() }, encrypted, el('store', NS_HINTS));
}

export function createHealing(
  ctx: () => Promise<OmemoContext>,
  /** Runs a task in the OMEMO queue, after the messages being decrypted now. */
  run: (task: () => Promise<void>) => void,
  log: Logger,
) {
  const received = new Map<string, number>();
  const pending = new Set<string>();
  const repaired = new Map<string, number>();
  const keyOf = (jid: BareJid, device: number): string => `${jid} ${device}`;

  const send = (jid: BareJid, device: number, reason: HealReason, version: Version): void => {
    const key = keyOf(jid, device);
    if (pending.has(key)) return;
    pending.add(key);
    run(async () => {
      try {
        const context = await ctx();
        if (reason === 'repair') await sessionFromBundle(context, jid, device, version === 'v2' ? 2 : 1);
        await context.xmpp.send(await emptyMessage(context, jid, device, version));
        received.delete(key);
        log.info('sent an empty OMEMO message', { jid, device, reason, version });
      } catch (error) {
        log.info('could not send an empty OMEMO message', { jid, device, reason, version, error: String(error) });
      } finally {
        pending.delete(key);
      }
    });
  };

  return {
    /** A message from a device decrypted: one opened by a pre-key message, or the 53rd unanswered, gets an answer. */
    received(jid: BareJid, device: number, preKey: boolean, version: Version = 'legacy'): void {
      const count = (received.get(keyOf(jid, device)) ?? 0) + 1;
      received.set(keyOf(jid, device), count);
      if (preKey) send(jid, device, 'completes-session', version);
      else if (count >= STALE_AFTER) send(jid, device, 'stale', version);
    },
    /** We encrypted to these devices: their counts start again. */
    sent(devices: readonly { jid: BareJid; device: number }[]): void {
      for (const { jid, device } of devices) received.delete(keyOf(jid, device));
    },
    /** A message from this device did not decrypt: a new session, at most once an hour per device. */
    broken(jid: BareJid, device: number, version: Version = 'legacy', now = Date.now()): void {
      const key = keyOf(jid, device);
      const last = repaired.get(key);
      if (last !== undefined && now - last < REPAIR_INTERVAL_MS) return;
      repaired.set(key, now);
      send(jid, device, 'repair', version);
    },
  };
}
