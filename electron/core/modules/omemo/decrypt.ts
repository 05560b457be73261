// Decrypting one <encrypted/>: the key for our device, the Signal session, then the payload.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { DeviceTrust } from '../../../../shared/model/omemo.ts';
import type { OmemoContext } from './omemoContext.ts';
import type { EncryptedElement } from './omemo.xml.ts';
import { openPayload, UndecryptablePayloadError } from './payload.ts';
import { decryptFrom } from './signal.ts';

export type Decrypted =
  | { kind: 'message'; body: string; device: number; trust: DeviceTrust }
  | { kind: 'keyTransport'; device: number }
  /** The session already used this message key: a copy we decrypted before. */
  | { kind: 'duplicate' }
  | { kind: 'undecryptable'; device: number; error: string };

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
  if (ours.length === 0) return { kind: 'undecryptable', device, error: 'not encrypted for this device' };
  let material: Uint8Array | undefined;
  let failure = '';
  // Two recipients' devices can share our id: try every key addressed to it.
  for (const key of ours) {
    try {
      material = await decryptFrom(ctx.keys, sender, device, key.data, key.preKey);
      break;
    } catch (error) {
      if (isRepeat(error)) return { kind: 'duplicate' };
      failure = reasonOf(error, key.preKey);
      ctx.log.info('an OMEMO key did not decrypt', { sender, device, error: String(error) });
    }
  }
  if (!material) return { kind: 'undecryptable', device, error: failure };
  ctx.repo.touchDevice(ctx.account, sender, device);
  if (!encrypted.payload) return { kind: 'keyTransport', device };
  try {
    const body = openPayload(material, encrypted.iv, encrypted.payload);
    return { kind: 'message', body, device, trust: ctx.repo.device(ctx.account, sender, device)?.trust ?? 'unknown' };
  } catch (error) {
    return {
      kind: 'undecryptable',
      device,
      error:
        error instanceof UndecryptablePayloadError
          ? error.message.replace(/^The message could not be decrypted: /u, '')
          : String(error),
    };
  }
}
