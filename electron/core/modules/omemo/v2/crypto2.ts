// OMEMO 2's primitives: HKDF, HMAC, AES-256-CBC and X25519 natively (node:crypto), Ed25519 point work on
// @noble/curves. Our identity is legacy OMEMO's Curve25519 key pair (no Ed25519 seed exists for it), so
// OMEMO 2 publishes its Edwards form with sign bit 0 and signs with an XEdDSA-style signer over the scalar.
import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  hkdfSync,
  type KeyObject,
  randomBytes,
  timingSafeEqual,
  verify,
} from 'node:crypto';
import { ed25519 } from '@noble/curves/ed25519.js';

const X25519_PKCS8 = Buffer.from('302e020100300506032b656e04220420', 'hex');
const X25519_SPKI = Buffer.from('302a300506032b656e032100', 'hex');
const ED25519_SPKI = Buffer.from('302a300506032b6570032100', 'hex');
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

export const zeros = (length: number): Uint8Array => new Uint8Array(length);
/** A Curve25519 public key without legacy OMEMO's 0x05 type byte. */
export const rawCurve = (key: Uint8Array): Uint8Array => (key.length === 33 ? key.subarray(1) : key);

export function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string, length: number): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', ikm, salt, Buffer.from(info, 'ascii'), length));
}

export function hmac(key: Uint8Array, ...data: Uint8Array[]): Uint8Array {
  const mac = createHmac('sha256', key);
  for (const part of data) mac.update(part);
  return mac.digest();
}

export function aesCbcEncrypt(key: Uint8Array, iv: Uint8Array, plaintext: Uint8Array): Uint8Array {
  const cipher = createCipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([cipher.update(plaintext), cipher.final()]);
}

export function aesCbcDecrypt(key: Uint8Array, iv: Uint8Array, ciphertext: Uint8Array): Uint8Array {
  const decipher = createDecipheriv('aes-256-cbc', key, iv);
  return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
}

export const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && timingSafeEqual(a, b);

export interface X25519Pair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

const privateObject = (key: Uint8Array): KeyObject =>
  createPrivateKey({ key: Buffer.concat([X25519_PKCS8, key]), format: 'der', type: 'pkcs8' });

export function x25519Pair(privateKey: Uint8Array = randomBytes(32)): X25519Pair {
  const spki = createPublicKey(privateObject(privateKey)).export({ format: 'der', type: 'spki' });
  return { privateKey: new Uint8Array(privateKey), publicKey: new Uint8Array(spki.subarray(X25519_SPKI.length)) };
}

export function x25519(privateKey: Uint8Array, publicKey: Uint8Array): Uint8Array {
  if (publicKey.length !== 32) throw new Error('An X25519 key is 32 bytes');
  const peer = createPublicKey({ key: Buffer.concat([X25519_SPKI, publicKey]), format: 'der', type: 'spki' });
  return new Uint8Array(diffieHellman({ privateKey: privateObject(privateKey), publicKey: peer }));
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

const clamp = (scalar: Uint8Array): bigint => {
  const k = new Uint8Array(scalar);
  k[0] = (k[0] ?? 0) & 248;
  k[31] = ((k[31] ?? 0) & 127) | 64;
  return littleEndian(k);
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
  const k = mod(clamp(curvePrivate), L);
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
