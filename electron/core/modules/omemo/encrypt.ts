// Encrypting one message for every trusted device of its recipients and our own other devices.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Element } from '../../xmpp/stanza.ts';
import { isTrusted } from '../../../../shared/model/omemo.ts';
import type { OmemoContext } from './omemoContext.ts';
import { fetchBundle } from './omemo.pep.ts';
import { type EncryptedElement, type EncryptedKey } from './omemo.xml.ts';
import { sealPayload } from './payload.ts';
import { buildSession, encryptFor, hasSession } from './signal.ts';
import { fetchBundle2 } from './v2/omemo2.pep.ts';
import type { Encrypted2, Encrypted2Key } from './v2/omemo2.xml.ts';
import { buildEnvelope, sealPayload2 } from './v2/payload2.ts';
import { buildSession2, encryptFor2, hasSession2 } from './v2/session2.ts';

export class OmemoUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'OmemoUnavailableError';
  }
}

/** A device is addressed through the highest version whose list holds it, never both. */
export interface Recipients {
  devices: { jid: BareJid; device: number; version: 1 | 2 }[];
  skipped: { jid: BareJid; device: number; reason: string }[];
}

/** A new session with the device from its freshly fetched bundle (a random one of its pre-keys). */
export async function sessionFromBundle(ctx: OmemoContext, jid: BareJid, device: number, version: 1 | 2) {
  if (version === 2) {
    const bundle = await fetchBundle2(ctx.xmpp, jid, device);
    const pk = bundle.preKeys[Math.floor(Math.random() * bundle.preKeys.length)];
    if (!pk) throw new Error('no pre-keys');
    await buildSession2(ctx, jid, device, { ik: bundle.ik, spk: bundle.spk, pk });
    return;
  }
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
}

/** Builds a session with the device unless one exists; true when it built one (its identity may be new). */
async function ensureSession(ctx: OmemoContext, jid: BareJid, device: number, version: 1 | 2): Promise<boolean> {
  const exists = version === 2 ? hasSession2(ctx, jid, device) : await hasSession(ctx.keys, jid, device);
  if (exists) return false;
  await sessionFromBundle(ctx, jid, device, version);
  return true;
}

/** Builds missing sessions (fresh bundles) and sorts the devices into trusted and skipped ones. */
export async function resolveRecipients(ctx: OmemoContext, jids: readonly BareJid[]): Promise<Recipients> {
  const result: Recipients = { devices: [], skipped: [] };
  const own = ctx.ownJid();
  for (const jid of [...new Set([...jids, own])]) {
    const ids = (await ctx.deviceIds(jid)).filter((id) => !(jid === own && id === ctx.ownId));
    let trusted = 0;
    for (const device of ids) {
      const row = ctx.repo.device(ctx.account, jid, device);
      let version: 1 | 2 = row?.v2 ? 2 : 1;
      let built: boolean;
      try {
        built = await ensureSession(ctx, jid, device, version).catch(async (error: unknown) => {
          // A device in both lists whose OMEMO 2 keys cannot be had is still reached through legacy OMEMO.
          if (version !== 2 || !row?.legacy) throw error;
          ctx.log.info('no OMEMO 2 session, using legacy OMEMO', { jid, device, error: String(error) });
          version = 1;
          return ensureSession(ctx, jid, device, version);
        });
      } catch (error) {
        ctx.log.info('no session with an OMEMO device', { jid, device, version, error: String(error) });
        result.skipped.push({ jid, device, reason: 'its keys could not be fetched' });
        continue;
      }
      const trust = (built ? ctx.repo.device(ctx.account, jid, device) : row)?.trust ?? 'unknown';
      if (isTrusted(trust)) {
        result.devices.push({ jid, device, version });
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

export interface EncryptedMessage {
  /** For devices only in legacy lists: the body as legacy OMEMO's payload. */
  legacy: EncryptedElement | undefined;
  /** For devices in OMEMO 2 lists: an SCE envelope with the body and `inner` inside. */
  v2: Encrypted2 | undefined;
  devices: Recipients['devices'];
  skipped: Recipients['skipped'];
}

/**
 * The <encrypted/> elements for `text`, one per version in use. `to`: the chat's JID (a room's in a room),
 * named inside the OMEMO 2 envelope.
 */
export async function encryptMessage(
  ctx: OmemoContext,
  jids: readonly BareJid[],
  text: string,
  to: BareJid,
  inner: readonly Element[] = [],
): Promise<EncryptedMessage> {
  const recipients = await resolveRecipients(ctx, jids);
  const legacyDevices = recipients.devices.filter((d) => d.version === 1);
  const v2Devices = recipients.devices.filter((d) => d.version === 2);
  let legacy: EncryptedElement | undefined;
  if (legacyDevices.length > 0 || v2Devices.length === 0) {
    const sealed = sealPayload(text);
    const keys: EncryptedKey[] = [];
    for (const { jid, device } of legacyDevices) {
      const { preKey, data } = await encryptFor(ctx.keys, jid, device, sealed.keyMaterial);
      keys.push({ rid: device, preKey, data });
    }
    legacy = { sid: ctx.ownId, keys, iv: sealed.iv, payload: sealed.payload };
  }
  let v2: Encrypted2 | undefined;
  if (v2Devices.length > 0) {
    const sealed = sealPayload2(Buffer.from(buildEnvelope(ctx.ownJid(), to, text, inner), 'utf8'));
    const keys: Encrypted2Key[] = v2Devices.map(({ jid, device }) => {
      const { kex, data } = encryptFor2(ctx, jid, device, sealed.keyMaterial);
      return { jid, rid: device, kex, data };
    });
    v2 = { sid: ctx.ownId, keys, payload: sealed.payload };
  }
  return { legacy, v2, devices: recipients.devices, skipped: recipients.skipped };
}
