// Decrypting one <encrypted/>: the key for our device, the Signal session, then the payload.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { DeviceTrust } from '../../../../shared/model/omemo.ts';
import type { Element } from '../../xmpp/stanza.ts';
import type { OmemoContext } from './omemoContext.ts';
import type { EncryptedElement } from './omemo.xml.ts';
import { openPayload, UndecryptablePayloadError } from './payload.ts';
import { decryptFrom } from './signal.ts';

export type Decrypted =
  | {
      kind: 'message';
      body: string;
      device: number;
      trust: DeviceTrust;
      preKey: boolean;
      /** OMEMO 2: the envelope's content (what else the sender put inside). */
      content?: Element | undefined;
    }
  | { kind: 'keyTransport'; device: number; preKey: boolean }
  /** The session already used this message key: a copy we decrypted before. */
  | { kind: 'duplicate' }
  /** An empty message (key transport) for another device of our account: nothing to show. */
  | { kind: 'ignored' }
  /** `repairable`: our session with the device is lost or out of step (a new one can be built). */
  | { kind: 'undecryptable'; device: number; error: string; repairable: boolean };

const isRepeat = (error: unknown): boolean => String(error).includes('counter was repeated');

function reasonOf(error: unknown, preKey: boolean): string {
  const text = String(error);
  if (text.includes('No record')) return 'there is no session with the sending device (it may have been reset)';
  if (text.includes('Bad MAC'))
    return preKey
      ? 'it was encrypted for a pre-key this device no longer has'
      : 'the session with the sending device is out of step';
  return "the sending device's keys did not match";
}

export async function decryptMessage(
  ctx: OmemoContext,
  sender: BareJid,
  encrypted: EncryptedElement,
): Promise<Decrypted> {
  const device = encrypted.sid;
  const ours = encrypted.keys.filter((k) => k.rid === ctx.ownId);
  if (ours.length === 0 && !encrypted.payload) return { kind: 'ignored' };
  if (ours.length === 0)
    return { kind: 'undecryptable', device, error: 'not encrypted for this device', repairable: false };
  let material: Uint8Array | undefined;
  let preKey = false;
  let failure = '';
  // Two recipients' devices can share our id: try every key addressed to it.
  for (const key of ours) {
    try {
      material = await decryptFrom(ctx.keys, sender, device, key.data, key.preKey);
      preKey = key.preKey;
      break;
    } catch (error) {
      if (isRepeat(error)) return { kind: 'duplicate' };
      failure = reasonOf(error, key.preKey);
      ctx.log.info('an OMEMO key did not decrypt', { sender, device, error: String(error) });
    }
  }
  if (!material) return { kind: 'undecryptable', device, error: failure, repairable: true };
  ctx.repo.touchDevice(ctx.account, sender, device);
  if (!encrypted.payload) return { kind: 'keyTransport', device, preKey };
  try {
    const body = openPayload(material, encrypted.iv, encrypted.payload);
    const trust = ctx.repo.device(ctx.account, sender, device)?.trust ?? 'unknown';
    return { kind: 'message', body, device, trust, preKey };
  } catch (error) {
    return {
      kind: 'undecryptable',
      device,
      repairable: false,
      error:
        error instanceof UndecryptablePayloadError
          ? error.message.replace(/^The message could not be decrypted: /u, '')
          : String(error),
    };
  }
}
