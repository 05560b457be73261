// Legacy OMEMO's payload layer (eu.siacs.conversations.axolotl): AES-128-GCM with a fresh key and a
// 12-byte IV per message; the payload is the ciphertext without its tag, and key ‖ tag (32 bytes) is
// what each device's Signal session encrypts.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const KEY_BYTES = 16;
const TAG_BYTES = 16;

export class UndecryptablePayloadError extends Error {
  constructor(reason: string) {
    super(`The message could not be decrypted: ${reason}`);
    this.name = 'UndecryptablePayloadError';
  }
}

export interface SealedPayload {
  payload: Uint8Array;
  iv: Uint8Array;
  /** key ‖ tag: encrypted once per recipient device. */
  keyMaterial: Uint8Array;
}

export function sealPayload(text: string): SealedPayload {
  const key = randomBytes(KEY_BYTES);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-128-gcm', key, iv, { authTagLength: TAG_BYTES });
  const payload = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return { payload, iv, keyMaterial: Buffer.concat([key, cipher.getAuthTag()]) };
}

/** Opens a payload with the key material one device decrypted; any IV length the sender chose. */
export function openPayload(keyMaterial: Uint8Array, iv: Uint8Array, payload: Uint8Array): string {
  // A 16-byte key with the tag appended to the payload is a pre-2017 sender: refused, as Conversations does.
  if (keyMaterial.length < KEY_BYTES + TAG_BYTES)
    throw new UndecryptablePayloadError('the sender uses an outdated OMEMO (no tag with the key)');
  if (iv.length < 12) throw new UndecryptablePayloadError('the IV is too short');
  const key = keyMaterial.subarray(0, KEY_BYTES);
  const tag = keyMaterial.subarray(KEY_BYTES);
  try {
    const decipher = createDecipheriv('aes-128-gcm', key, iv, { authTagLength: tag.length });
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(payload), decipher.final()]).toString('utf8');
  } catch {
    throw new UndecryptablePayloadError('the payload failed its integrity check');
  }
}
