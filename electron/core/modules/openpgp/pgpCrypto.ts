// The OpenPGP operations XEP-0373/0374 need, over openpgp.js v6, in the shapes other clients read:
// v4 keys (Ed25519 signing, Cv25519 encryption; GnuPG 2.2 cannot read v6), one user ID `xmpp:<bare JID>`,
// no expiry (Gajim refuses to restore expiring keys), binary messages, upper-case fingerprints.
import {
  createMessage,
  decrypt,
  decryptKey,
  encrypt,
  generateKey,
  type Key,
  type KeyID,
  type PrivateKey,
  readKey,
  readMessage,
  readPrivateKey,
  readPrivateKeys,
  reformatKey,
} from 'openpgp';

/** openpgp.js refuses signatures made even a second in the future: a sender's clock may run ahead. */
const CLOCK_SKEW_MS = 60 * 60_000;

export type PgpErrorCode = 'bad-key' | 'wrong-user-id' | 'no-encryption-key' | 'bad-backup-code' | 'not-a-key';

export class PgpError extends Error {
  readonly code: PgpErrorCode;
  constructor(code: PgpErrorCode, message: string) {
    super(message);
    this.name = 'PgpError';
    this.code = code;
  }
}

export const fingerprintOf = (key: Key): string => key.getFingerprint().toUpperCase();
export const userIdFor = (jid: string): string => `xmpp:${jid}`;

/** A new key for an account: v4 EdDSA + Cv25519, only the `xmpp:` user ID, no expiry. */
export async function generateOwnKey(jid: string): Promise<PrivateKey> {
  const { privateKey } = await generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name: userIdFor(jid) }],
    keyExpirationTime: 0,
    format: 'object',
  });
  return privateKey;
}

/**
 * A contact's public key as published (binary, base64 in the stanza): it must carry the user ID
 * `xmpp:<their bare JID>`, have the fingerprint it was listed under, and be able to encrypt.
 */
export async function readContactKey(bytes: Uint8Array, jid: string, listedFingerprint?: string): Promise<Key> {
  let key: Key;
  try {
    key = await readKey({ binaryKey: bytes });
  } catch (error) {
    throw new PgpError('bad-key', `Not an OpenPGP key (${error instanceof Error ? error.message : String(error)})`);
  }
  if (listedFingerprint && fingerprintOf(key) !== listedFingerprint.toUpperCase())
    throw new PgpError('bad-key', 'The key does not have the fingerprint it was announced with');
  if (!hasUserId(key, jid))
    throw new PgpError('wrong-user-id', `The key does not belong to ${userIdFor(jid)} (its user IDs say otherwise)`);
  try {
    await key.getEncryptionKey();
  } catch {
    throw new PgpError('no-encryption-key', 'The key cannot be used to encrypt (expired, revoked or no subkey)');
  }
  return key.isPrivate() ? key.toPublic() : key;
}

export const hasUserId = (key: Key, jid: string): boolean => key.getUserIDs().some((id) => id === userIdFor(jid));

/** Signs with our key and encrypts to the recipients' keys and our own (our other devices, carbons, archive). */
export async function signAndEncrypt(
  plain: Uint8Array,
  recipients: readonly Key[],
  own: PrivateKey,
): Promise<Uint8Array> {
  const sealed: unknown = await encrypt({
    message: await createMessage({ binary: plain }),
    encryptionKeys: [...recipients, own.toPublic()],
    signingKeys: own,
    format: 'binary',
  });
  return sealed as Uint8Array;
}

/** What decrypt gives for a binary message (its declared type names stream types the linter cannot see). */
interface Decrypted {
  data: Uint8Array;
  signatures: { keyID: KeyID; verified: Promise<unknown> }[];
}

export type SignatureCheck =
  | { status: 'valid'; fingerprint: string }
  | { status: 'unknown-key'; keyId: string }
  | { status: 'invalid'; fingerprint?: string; reason: string }
  | { status: 'unsigned' };

/** Decrypts with our keys and checks the signature against the sender's keys; a bad signature is reported, not thrown. */
export async function decryptAndVerify(
  bytes: Uint8Array,
  own: readonly PrivateKey[],
  senderKeys: readonly Key[],
  now = Date.now(),
): Promise<{ plain: Uint8Array; signature: SignatureCheck }> {
  const message = await readMessage({ binaryMessage: bytes });
  const result: unknown = await decrypt({
    message,
    decryptionKeys: [...own],
    verificationKeys: [...senderKeys],
    format: 'binary',
    date: new Date(now + CLOCK_SKEW_MS),
  });
  const { data, signatures } = result as Decrypted;
  const first = signatures[0];
  if (!first) return { plain: data, signature: { status: 'unsigned' } };
  const keyId = first.keyID.toHex().toUpperCase();
  const signer = senderKeys.find((k) => k.getKeys(first.keyID).length > 0);
  if (!signer) return { plain: data, signature: { status: 'unknown-key', keyId } };
  try {
    await first.verified;
    return { plain: data, signature: { status: 'valid', fingerprint: fingerprintOf(signer) } };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { plain: data, signature: { status: 'invalid', fingerprint: fingerprintOf(signer), reason } };
  }
}

/** XEP-0373 §5.4: 24 characters from a 33-letter alphabet (no 0, no O) in six groups of four. */
const BACKUP_ALPHABET = '123456789ABCDEFGHIJKLMNPQRSTUVWXYZ';
export function newBackupCode(random: (n: number) => Uint8Array): string {
  const letters: string[] = [];
  while (letters.length < 24)
    for (const byte of random(32)) {
      // Rejection sampling keeps every letter equally likely.
      if (byte < 256 - (256 % BACKUP_ALPHABET.length) && letters.length < 24)
        letters.push(BACKUP_ALPHABET[byte % BACKUP_ALPHABET.length] ?? '');
    }
  return letters.join('').replace(/(.{4})(?!$)/gu, '$1-');
}

/** The secret key, unencrypted inside, encrypted with the backup code used verbatim (dashes included). */
export async function sealBackup(own: PrivateKey, code: string): Promise<Uint8Array> {
  const sealed: unknown = await encrypt({
    message: await createMessage({ binary: own.write() }),
    passwords: [code],
    format: 'binary',
  });
  return sealed as Uint8Array;
}

/** Opens a backup (binary or armored keys inside); several keys may be in it. */
export async function openBackup(bytes: Uint8Array, code: string): Promise<PrivateKey[]> {
  let plain: Uint8Array;
  try {
    const message = await readMessage({ binaryMessage: bytes });
    const result: unknown = await decrypt({ message, passwords: [code.trim()], format: 'binary' });
    plain = (result as Decrypted).data;
  } catch {
    throw new PgpError('bad-backup-code', 'The backup code does not open this backup');
  }
  try {
    return await readPrivateKeys({ binaryKeys: plain });
  } catch {
    try {
      return await readPrivateKeys({ armoredKeys: new TextDecoder().decode(plain) });
    } catch {
      throw new PgpError('not-a-key', 'The backup holds no secret key this app can read');
    }
  }
}

/**
 * Reads a private key the user imports (armored), unlocked with its passphrase when it has one. A key
 * without the user ID `xmpp:<jid>`, or with an expiry, is re-signed with that user ID and none (the
 * fingerprint stays), as Gajim and other clients need.
 */
export async function importPrivateKey(armored: string, passphrase: string, jid: string): Promise<PrivateKey> {
  let key: PrivateKey;
  try {
    key = await readPrivateKey({ armoredKey: armored });
  } catch {
    throw new PgpError('not-a-key', 'That is not an armored OpenPGP private key');
  }
  if (!key.isDecrypted())
    try {
      key = await decryptKey({ privateKey: key, passphrase });
    } catch {
      throw new PgpError('bad-key', 'The passphrase does not unlock this key');
    }
  const expires = await key.getExpirationTime();
  if (hasUserId(key, jid) && expires === Infinity) return key;
  const { privateKey } = await reformatKey({
    privateKey: key,
    userIDs: [{ name: userIdFor(jid) }],
    keyExpirationTime: 0,
    format: 'object',
  });
  return privateKey;
}
