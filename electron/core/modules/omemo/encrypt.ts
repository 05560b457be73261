// Encrypting one message for every trusted device of its recipients and our own other devices.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { isTrusted } from '../../../../shared/model/omemo.ts';
import type { OmemoContext } from './omemoContext.ts';
import { fetchBundle } from './omemo.pep.ts';
import { type EncryptedElement, type EncryptedKey } from './omemo.xml.ts';
import { sealPayload } from './payload.ts';
import { buildSession, encryptFor, hasSession } from './signal.ts';

export class OmemoUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OmemoUnavailableError';
  }
}

export interface Recipients {
  devices: { jid: BareJid; device: number }[];
  skipped: { jid: BareJid; device: number; reason: string }[];
}

/** Builds missing sessions (fresh bundles) and sorts the devices into trusted and skipped ones. */
export async function resolveRecipients(ctx: OmemoContext, jids: readonly BareJid[]): Promise<Recipients> {
  const result: Recipients = { devices: [], skipped: [] };
  const own = ctx.ownJid();
  for (const jid of [...new Set([...jids, own])]) {
    const ids = (await ctx.deviceIds(jid)).filter((id) => !(jid === own && id === ctx.ownId));
    let trusted = 0;
    for (const device of ids) {
      if (!(await hasSession(ctx.keys, jid, device))) {
        try {
          const bundle = await fetchBundle(ctx.xmpp, jid, device);
          const preKey = bundle.preKeys[Math.floor(Math.random() * bundle.preKeys.length)];
          if (!preKey) throw new Error('no pre-keys');
          // The key is recorded (and its trust decided) before the session exists.
          await ctx.keys.saveIdentity(`${jid}.${device}`, new Uint8Array(bundle.identityKey).buffer);
          await buildSession(ctx.keys, jid, device, {
            registrationId: device,
            identityKey: bundle.identityKey,
            signedPreKey: bundle.signedPreKey,
            preKey,
          });
        } catch (error) {
          ctx.log.info('no session with an OMEMO device', { jid, device, error: String(error) });
          result.skipped.push({ jid, device, reason: 'its keys could not be fetched' });
          continue;
        }
      }
      const trust = ctx.repo.device(ctx.account, jid, device)?.trust ?? 'unknown';
      if (isTrusted(trust)) {
        result.devices.push({ jid, device });
        trusted++;
      } else result.skipped.push({ jid, device, reason: trust === 'distrusted' ? 'distrusted' : 'not trusted yet' });
    }
    if (jid !== own && trusted === 0) {
      throw new OmemoUnavailableError(
        ids.length === 0 ? `${jid} has no OMEMO devices` : `None of ${jid}'s OMEMO devices is trusted`,
      );
    }
  }
  return result;
}

/** The <encrypted/> for `text` (or, without text, a key-transport element), plus what was skipped. */
export async function encryptMessage(
  ctx: OmemoContext,
  jids: readonly BareJid[],
  text: string,
): Promise<{ encrypted: EncryptedElement; devices: Recipients['devices']; skipped: Recipients['skipped'] }> {
  const recipients = await resolveRecipients(ctx, jids);
  const sealed = sealPayload(text);
  const keys: EncryptedKey[] = [];
  for (const { jid, device } of recipients.devices) {
    const { preKey, data } = await encryptFor(ctx.keys, jid, device, sealed.keyMaterial);
    keys.push({ rid: device, preKey, data });
  }
  const encrypted = { sid: ctx.ownId, keys, iv: sealed.iv, payload: sealed.payload };
  return { encrypted, devices: recipients.devices, skipped: recipients.skipped };
}
