import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, randomBytes } from 'node:crypto';
import { openPayload, sealPayload, UndecryptablePayloadError } from './payload.ts';

test('a sealed payload opens with its key material; 12-byte IV, 32 bytes of key ‖ tag, ciphertext as long as the text', () => {
  const text = 'Grüße aus Berlin 🌍';
  const sealed = sealPayload(text);
  assert.equal(sealed.iv.length, 12);
  assert.equal(sealed.keyMaterial.length, 32);
  assert.equal(sealed.payload.length, Buffer.byteLength(text));
  assert.equal(openPayload(sealed.keyMaterial, sealed.iv, sealed.payload), text);
  assert.notDeepEqual(sealPayload(text).keyMaterial, sealed.keyMaterial, 'a fresh key per message');
});

test('16-byte IVs (older Conversations) open too', () => {
  const key = randomBytes(16);
  const iv = randomBytes(16);
  const cipher = createCipheriv('aes-128-gcm', key, iv);
  const payload = Buffer.concat([cipher.update('old style', 'utf8'), cipher.final()]);
  assert.equal(openPayload(Buffer.concat([key, cipher.getAuthTag()]), iv, payload), 'old style');
});

test('tampering, a wrong key and key material without a tag are refused, never shown', () => {
  const sealed = sealPayload('secret');
  const flipped = Uint8Array.from(sealed.payload);
  flipped[0] = (flipped[0] ?? 0) ^ 1;
  assert.throws(() => openPayload(sealed.keyMaterial, sealed.iv, flipped), UndecryptablePayloadError);
  assert.throws(
    () => openPayload(sealPayload('other').keyMaterial, sealed.iv, sealed.payload),
    UndecryptablePayloadError,
  );
  assert.throws(() => openPayload(sealed.keyMaterial.subarray(0, 16), sealed.iv, sealed.payload), /outdated/u);
  assert.throws(() => openPayload(sealed.keyMaterial, sealed.iv.subarray(0, 8), sealed.payload), /IV/u);
});
