// SCRAM-SHA-1/256/512 client (RFC 5802, RFC 7677) on node:crypto: one pbkdf2 call instead of
// thousands of awaited WebCrypto HMACs, so a login costs milliseconds.
import { createHash, createHmac, pbkdf2, randomBytes, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { ErrorReason } from '../../../shared/model/errors.ts';

const pbkdf2Async = promisify(pbkdf2);

export type ScramHash = 'sha1' | 'sha256' | 'sha512';
export const SCRAM_MECHANISMS: ReadonlyArray<{ name: string; hash: ScramHash }> = [
  { name: 'SCRAM-SHA-512', hash: 'sha512' },
  { name: 'SCRAM-SHA-256', hash: 'sha256' },
  { name: 'SCRAM-SHA-1', hash: 'sha1' },
];

const GS2_HEADER = 'n,,';
const MAX_ITERATIONS = 1_000_000;
const KEY_LENGTH: Record<ScramHash, number> = { sha1: 20, sha256: 32, sha512: 64 };

function escapeName(name: string): string {
  return name.replace(/=/gu, '=3D').replace(/,/gu, '=2C');
}

function parseAttributes(message: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const part of message.split(',')) {
    const eq = part.indexOf('=');
    if (eq === 1) attributes.set(part.slice(0, 1), part.slice(2));
  }
  return attributes;
}

const hmac = (hash: ScramHash, key: Buffer, data: string): Buffer => createHmac(hash, key).update(data).digest();

export class ScramError extends Error {
  readonly reason: ErrorReason = { code: 'auth-failed' };
  constructor(message: string) {
    super(message);
    this.name = 'ScramError';
  }
}

/** One SCRAM exchange: clientFirst() → clientFinal(serverFirst) → verifyServerFinal(serverFinal). */
export class ScramClient {
  readonly #hash: ScramHash;
  readonly #password: string;
  readonly #clientFirstBare: string;
  #serverSignature: Buffer | undefined;

  constructor(hash: ScramHash, username: string, password: string, clientNonce = randomBytes(18).toString('base64')) {
    this.#hash = hash;
    this.#password = password.normalize('NFKC');
    this.#clientFirstBare = `n=${escapeName(username)},r=${clientNonce}`;
  }

  clientFirst(): string {
    return GS2_HEADER + this.#clientFirstBare;
  }

  async clientFinal(serverFirst: string): Promise<string> {
    const attributes = parseAttributes(serverFirst);
    const nonce = attributes.get('r');
    const salt = attributes.get('s');
    const iterations = Number(attributes.get('i'));
    const clientNonce = this.#clientFirstBare.slice(this.#clientFirstBare.indexOf(',r=') + 3);
    if (attributes.has('m')) throw new ScramError('server requires an unsupported SCRAM extension');
    if (!nonce || !nonce.startsWith(clientNonce) || nonce.length === clientNonce.length)
      throw new ScramError('server nonce is invalid');
    if (!salt) throw new ScramError('server sent no salt');
    if (!Number.isInteger(iterations) || iterations < 1 || iterations > MAX_ITERATIONS)
      throw new ScramError('server iteration count is out of range');

    const salted = await pbkdf2Async(
      this.#password,
      Buffer.from(salt, 'base64'),
      iterations,
      KEY_LENGTH[this.#hash],
      this.#hash,
    );
    const clientKey = hmac(this.#hash, salted, 'Client Key');
    const storedKey = createHash(this.#hash).update(clientKey).digest();
    const withoutProof = `c=${Buffer.from(GS2_HEADER).toString('base64')},r=${nonce}`;
    const authMessage = `${this.#clientFirstBare},${serverFirst},${withoutProof}`;
    const clientSignature = hmac(this.#hash, storedKey, authMessage);
    const proof = Buffer.alloc(clientKey.length);
    for (let i = 0; i < clientKey.length; i++) proof[i] = (clientKey[i] ?? 0) ^ (clientSignature[i] ?? 0);
    this.#serverSignature = hmac(this.#hash, hmac(this.#hash, salted, 'Server Key'), authMessage);
    return `${withoutProof},p=${proof.toString('base64')}`;
  }

  /** Proves the server knew our password too; refuse the session otherwise. */
  verifyServerFinal(serverFinal: string): void {
    const attributes = parseAttributes(serverFinal);
    const error = attributes.get('e');
    if (error) throw new ScramError(`server reported ${error}`);
    const verifier = Buffer.from(attributes.get('v') ?? '', 'base64');
    if (
      !this.#serverSignature ||
      verifier.length !== this.#serverSignature.length ||
      !timingSafeEqual(verifier, this.#serverSignature)
    ) {
      throw new ScramError('server signature does not match: the server may not know this account');
    }
  }
}
