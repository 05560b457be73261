// OMEMO 2's primitives: HKDF, HMAC, AES-256-CBC and X25519 natively (node:crypto), Ed25519 point work on
// @noble/curves. Our identity is legacy OMEMO's Curve25519 key pair (no Ed25519 seed exists for it), so
// OMEMO 2 publishes its Edwards form with sign bit 0 and signs with an XEdDSA-style signer over the scalar.
import {
  createHash,
  type Hash,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { cbc } from '@noble/ciphers/aes.js';
import { ed25519 } from '@noble/curves/ed25519.js';

const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

export const zeros = (length: number): Uint8Array => new Uint8Array(length);
/** A Curve25519 public key without legacy OMEMO's 0x05 type byte. */
export const rawCurve = (key: Uint8Array): Uint8Array => (key.length === 33 ? key.subarray(1) : key);

const HMAC_BLOCK = 64;
const sha256 = (): Hash => createHash('sha256');

/**
 * HMAC-SHA-256 (RFC 2104) on two hashes: node:crypto's createHmac spends most of its time preparing the
 * key object, several times what the hashing costs for the short inputs a ratchet step has.
 */
export function hmac(key: Uint8Array, ...data: Uint8Array[]): Uint8Array {
  const block = new Uint8Array(HMAC_BLOCK);
  block.set(key.length > HMAC_BLOCK ? sha256().update(key).digest() : key);
  const inner = sha256().update(block.map((b) => b ^ 0x36));
  for (const part of data) inner.update(part);
  return sha256()
    .update(block.map((b) => b ^ 0x5c))
    .update(inner.digest())
    .digest();
}

/** HKDF-SHA-256 (RFC 5869) on the HMAC above. */
export function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string, length: number): Uint8Array {
  const prk = hmac(salt.length > 0 ? salt : zeros(32), ikm);
  const infoBytes = Buffer.from(info, 'ascii');
  const out = new Uint8Array(Math.ceil(length / 32) * 32);
  let previous: Uint8Array = new Uint8Array(0);
  for (let i = 0; i * 32 < length; i++) {
    previous = hmac(prk, previous, infoBytes, Uint8Array.of(i + 1));
    out.set(previous, i * 32);
  }
  return out.subarray(0, length);
}

/** AES-256-CBC with PKCS#7 on @noble/ciphers: for a fresh key each time it is several times faster than node:crypto. */
export function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  return cbc(key, iv).encrypt(plaintext);
}

export function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  return cbc(key, iv).decrypt(ciphertext);
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);

export interface X25519Pair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

/**
 * Importing a raw key into OpenSSL costs more than the Diffie-Hellman itself: a ratchet step uses each of its
 * keys twice (our new key pair, the peer's new ratchet key), so the last few imported keys are kept.
 */
const KEPT_KEYS = 32;
const keptKeys = new Map<string, KeyObject>();
function keyObject(kind: 'private' | 'public', raw: Uint8Array, make: () => KeyObject): KeyObject {
  const id = `${kind}:${Buffer.from(raw).toString('base64')}`;
  let key = keptKeys.get(id);
  if (key) keptKeys.delete(id);
  else key = make();
  keptKeys.set(id, key);
  if (keptKeys.size > KEPT_KEYS) keptKeys.delete(keptKeys.keys().next().value ?? '');
  return key;
}
const base64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64url');
const privateObject = (key: Uint8Array): KeyObject =>
  keyObject('private', key, () =>
    createPrivateKey({ key: Buffer.concat([X25519_PKCS8, key]), format: 'der', type: 'pkcs8' }),
  );
const publicObject = (key: Uint8Array): KeyObject =>
  keyObject('public', key, () =>
    createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: base64url(key) }, format: 'jwk' }),
  );

export function x25519Pair(privateKey?: Uint8Array): X25519Pair {
  if (privateKey) {
    const spki = createPublicKey(privateObject(privateKey)).export({ format: 'der', type: 'spki' });
    return { privateKey: new Uint8Array(privateKey), publicKey: new Uint8Array(spki.subarray(X25519_SPKI.length)) };
  }
  const pair = generateKeyPairSync('x25519');
  const jwk = pair.privateKey.export({ format: 'jwk' });
  const made = {
    privateKey: new Uint8Array(Buffer.from(jwk.d ?? '', 'base64url')),
    publicKey: new Uint8Array(Buffer.from(jwk.x ?? '', 'base64url')),
  };
  keyObject('private', made.privateKey, () => pair.privateKey);
  return made;
}

export function x25519(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  if (publicKey.length !== 32) throw new Error('An X25519 key is 32 bytes');
  return new Uint8Array(diffieHellman({ privateKey: privateObject(privateKey), publicKey: publicObject(publicKey) }));
}

export function ed25519Verify(publicKey: Uint8Array, message: Uint8Array, signature: Uint8Array): boolean {
  if (publicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({ key: Buffer.concat([ED25519_SPKI, publicKey]), format: 'der', type: 'spki' });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
}

/** An Ed25519 public key's Montgomery u: the X25519 form used for Diffie-Hellman. */
export const edToCurve = (edPublic: Uint8Array): Uint8Array => ed25519.utils.toMontgomery(edPublic);

const littleEndian = (bytes: Uint8Array): bigint => {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(bytes[i] ?? 0);
  return value;
};
const bytes32 = (value: bigint): Uint8Array => {
  const out = new Uint8Array(32);
  for (let i = 0; i < 32; i++) out[i] = Number((value >> BigInt(8 * i)) & 0xffn);
  return out;
};
const mod = (a: bigint, m: bigint): bigint => ((a % m) + m) % m;
const power = (base: bigint, exponent: bigint, m: bigint): bigint => {
  let result = 1n;
  let b = mod(base, m);
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % m;
    b = (b * b) % m;
  }
  return result;
};

/** A Curve25519 public key (32 bytes, or 33 with the 0x05 type byte) as Ed25519 with sign bit 0. */
export function curveToEd(curvePublic: Uint8Array): Uint8Array {
  const u = mod(littleEndian(rawCurve(curvePublic)) & ((1n << 255n) - 1n), P);
  const y = mod((u - 1n) * power(u + 1n, P - 2n, P), P);
  return bytes32(y);
}

/** An X25519 private key with its bits set as X25519 uses it (RFC 7748 §5); a copy. */
export const clampScalar = (scalar: Uint8Array): Uint8Array => {
  const k = new Uint8Array(scalar);
  k[0] = (k[0] ?? 0) & 248;
  k[31] = ((k[31] ?? 0) & 127) | 64;
  return k;
};
const sha512 = (...parts: Uint8Array[]): bigint => {
  const hash = createHash('sha512');
  for (const part of parts) hash.update(part);
  return mod(littleEndian(hash.digest()), L);
};

/**
 * An Ed25519 signature by a Curve25519 private scalar (XEdDSA's construction): the scalar is negated when
 * its Edwards point has sign bit 1, so that the signature verifies under `curveToEd(public key)`.
 */
export function xeddsaSign(curvePrivate: Uint8Array, message: Uint8Array): Uint8Array {
  const k = mod(littleEndian(clampScalar(curvePrivate)), L);
  const point = ed25519.Point.BASE.multiply(k).toBytes();
  const a = ((point[31] ?? 0) & 0x80) === 0 ? k : mod(-k, L);
  const publicKey = new Uint8Array(point);
  publicKey[31] = (publicKey[31] ?? 0) & 0x7f;
  const prefix = new Uint8Array(32).fill(0xff);
  prefix[0] = 0xfe;
  const r = sha512(prefix, bytes32(a), message, randomBytes(64));
  const R = ed25519.Point.BASE.multiply(r === 0n ? 1n : r).toBytes();
  const h = sha512(R, publicKey, message);
  const s = mod((r === 0n ? 1n : r) + h * a, L);
  return Buffer.concat([R, bytes32(s)]);
}
