import assert from 'node:assert/strict';
import { createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { ed25519 } from '@noble/curves/ed25519.js';
import { generateIdentity, generatePreKeys, generateSignedPreKey } from '../signal.ts';
import { curveToEd, ed25519Verify, edToCurve, hkdf, hmac, rawCurve, xeddsaSign } from './crypto2.ts';
import { buildEnvelope, openPayload2, parseEnvelope, sealPayload2 } from './payload2.ts';
import { decodeKeyExchange, decodeMessage, encodeKeyExchange, encodeMessage } from './proto2.ts';
import { ratchetDecrypt, ratchetEncrypt, type RatchetState } from './ratchet2.ts';
import { startActive, startPassive } from './x3dh2.ts';

const bytes = (buffer: ArrayBuffer): Uint8Array => new Uint8Array(buffer);

test('a legacy Curve25519 identity signs as Ed25519: any Ed25519 verifier accepts it under the sign-0 Edwards key', async () => {
  for (let i = 0; i < 8; i++) {
    const { identity } = await generateIdentity();
    const message = randomBytes(32);
    const signature = xeddsaSign(bytes(identity.privKey), message);
    const edPublic = curveToEd(bytes(identity.pubKey));
    assert.ok(ed25519Verify(edPublic, message, signature), 'node:crypto verifies');
    assert.ok(ed25519.verify(signature, message, edPublic), '@noble verifies');
    assert.equal(ed25519Verify(edPublic, randomBytes(32), signature), false, 'another message fails');
    assert.deepEqual(edToCurve(edPublic), rawCurve(bytes(identity.pubKey)), 'the forms convert back');
  }
});

test('HMAC and HKDF on plain hashes give what node:crypto gives, for short and long keys', () => {
  for (const keyLength of [0, 16, 32, 64, 65, 200]) {
    const key = randomBytes(keyLength);
    const data = [randomBytes(7), randomBytes(100)];
    const expected = createHmac('sha256', key)
      .update(data[0] ?? '')
      .update(data[1] ?? '')
      .digest();
    assert.deepEqual(Buffer.from(hmac(key, ...data)), expected);
  }
  for (const length of [32, 64, 80]) {
    const ikm = randomBytes(32);
    const expected = Buffer.from(hkdfSync('sha256', ikm, new Uint8Array(32), Buffer.from('OMEMO Payload'), length));
    assert.deepEqual(Buffer.from(hkdf(ikm, new Uint8Array(32), 'OMEMO Payload', length)), expected);
  }
});

test('protobuf: required zero values are written, a message round-trips, a truncated one is refused', () => {
  const dhPub = randomBytes(32);
  const encoded = encodeMessage({ n: 0, pn: 0, dhPub, ciphertext: Uint8Array.of(1, 2) });
  assert.deepEqual([...encoded.subarray(0, 4)], [0x08, 0, 0x10, 0], 'n=0 and pn=0 are on the wire');
  assert.deepEqual(decodeMessage(encoded), {
    n: 0,
    pn: 0,
    dhPub: new Uint8Array(dhPub),
    ciphertext: Uint8Array.of(1, 2),
  });
  const kex = { pkId: 300, spkId: 1, ik: randomBytes(32), ek: randomBytes(32), message: randomBytes(40) };
  const round = decodeKeyExchange(encodeKeyExchange(kex));
  assert.equal(round.pkId, 300);
  assert.deepEqual(round.ek, new Uint8Array(kex.ek));
  assert.throws(() => decodeMessage(encoded.subarray(0, encoded.length - 1)), /truncated/u);
});

async function pair(): Promise<{ alice: RatchetState; bob: RatchetState; first: Uint8Array }> {
  const [a, b] = [(await generateIdentity()).identity, (await generateIdentity()).identity];
  const signed = await generateSignedPreKey(b, 1);
  const [pre] = await generatePreKeys(7, 1);
  if (!pre) throw new Error('no pre-key');
  const spkPublic = rawCurve(bytes(signed.pair.pubKey));
  const started = startActive(
    { publicKey: bytes(a.pubKey), privateKey: bytes(a.privKey) },
    {
      ik: curveToEd(bytes(b.pubKey)),
      spk: { id: 1, publicKey: spkPublic, signature: xeddsaSign(bytes(b.privKey), spkPublic) },
      pk: { id: 7, publicKey: rawCurve(bytes(pre.pair.pubKey)) },
    },
  );
  assert.deepEqual(started.kex.ik, curveToEd(bytes(a.pubKey)));
  const sent = ratchetEncrypt(started.state, Buffer.from('first'));
  const passive = startPassive(
    { publicKey: bytes(b.pubKey), privateKey: bytes(b.privKey) },
    { publicKey: spkPublic, privateKey: bytes(signed.pair.privKey) },
    { privateKey: bytes(pre.pair.privKey) },
    { ik: started.kex.ik, ek: started.kex.ek },
  );
  const opened = ratchetDecrypt(passive, sent.data);
  return { alice: sent.state, bob: opened.state, first: opened.plaintext };
}

test('X3DH and the ratchet: both directions, turns, out of order, a repeat and a forgery refused', async () => {
  const started = await pair();
  let { alice, bob } = started;
  const { first } = started;
  assert.equal(Buffer.from(first).toString(), 'first');
  const toAlice = ratchetEncrypt(bob, Buffer.from('answer'));
  bob = toAlice.state;
  const read = ratchetDecrypt(alice, toAlice.data);
  alice = read.state;
  assert.equal(Buffer.from(read.plaintext).toString(), 'answer');
  const queued: Uint8Array[] = [];
  for (let i = 0; i < 5; i++) {
    const m = ratchetEncrypt(alice, Buffer.from(`m${i}`));
    alice = m.state;
    queued.push(m.data);
  }
  for (const i of [3, 0, 4, 1, 2]) {
    const opened = ratchetDecrypt(bob, queued[i] ?? new Uint8Array());
    bob = opened.state;
    assert.equal(Buffer.from(opened.plaintext).toString(), `m${i}`);
  }
  assert.throws(() => ratchetDecrypt(bob, queued[2] ?? new Uint8Array()), /used already/u);
  const forged = new Uint8Array(queued[0] ?? []);
  forged[3] = (forged[3] ?? 0) ^ 1;
  const fresh = ratchetEncrypt(alice, Buffer.from('x'));
  const tampered = new Uint8Array(fresh.data);
  tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 1;
  assert.throws(() => ratchetDecrypt(bob, tampered), /authentication|Malformed/u);
  assert.equal(Buffer.from(ratchetDecrypt(bob, fresh.data).plaintext).toString(), 'x', 'a failed try changes nothing');
});

test('payload and envelope: the peer reads body and content; another key or a changed byte fails', () => {
  const text = buildEnvelope('a@example.org', 'b@example.org', 'hällo <b>');
  const sealed = sealPayload2(Buffer.from(text));
  assert.equal(sealed.keyMaterial.length, 48);
  const opened = parseEnvelope(Buffer.from(openPayload2(sealed.keyMaterial, sealed.payload)).toString());
  assert.equal(opened?.body, 'hällo <b>');
  assert.equal(opened?.from, 'a@example.org');
  assert.equal(opened?.to, 'b@example.org');
  const broken = new Uint8Array(sealed.payload);
  broken[0] = (broken[0] ?? 0) ^ 1;
  assert.throws(() => openPayload2(sealed.keyMaterial, broken), /integrity/u);
  assert.equal(parseEnvelope('<envelope xmlns="other"/>'), undefined);
});
