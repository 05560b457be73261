// XEP-0027 (legacy OpenPGP, obsolete but still spoken by Dino, Psi, Profanity's /pgp and Gajim's plugin):
// ASCII armor with its first and last lines and headers stripped; messages are encrypted, not signed;
// presence carries a detached text signature over the status.
import {
  createMessage,
  decrypt,
  encrypt,
  type Key,
  type PrivateKey,
  readMessage,
  readSignature,
  sign,
  verify,
} from 'openpgp';

/** The armor body (base64 lines and the =CRC line) without the BEGIN/END lines and armor headers. */
export function stripArmor(armored: string): string {
  const lines = armored.replace(/\r/gu, '').split('\n');
  const begin = lines.findIndex((l) => l.startsWith('-----BEGIN PGP'));
  const end = lines.findIndex((l) => l.startsWith('-----END PGP'));
  const inner = lines.slice(begin + 1, end < 0 ? undefined : end);
  const blank = inner.findIndex((l) => l.trim() === '');
  return (blank >= 0 ? inner.slice(blank + 1) : inner).filter((l) => l.trim() !== '').join('\n');
}

/** Puts the stripped body back into armor, as XEP-0027 receivers do. */
export function wrapArmor(kind: 'MESSAGE' | 'SIGNATURE', body: string): string {
  return `-----BEGIN PGP ${kind}-----\n\n${body.trim()}\n-----END PGP ${kind}-----\n`;
}

export async function encryptLegacy(text: string, recipients: readonly Key[], own: PrivateKey): Promise<string> {
  const armored: unknown = await encrypt({
    message: await createMessage({ text }),
    encryptionKeys: [...recipients, own.toPublic()],
    format: 'armored',
  });
  return stripArmor(armored as string);
}

export async function decryptLegacy(body: string, own: PrivateKey): Promise<string> {
  const message = await readMessage({ armoredMessage: wrapArmor('MESSAGE', body) });
  const result: unknown = await decrypt({ message, decryptionKeys: own, format: 'utf8' });
  return (result as { data: string }).data;
}

/** A signed presence's signature over its status (the empty string when there is none). */
export async function signStatus(status: string, own: PrivateKey): Promise<string> {
  const signature: unknown = await sign({
    message: await createMessage({ text: status }),
    signingKeys: own,
    detached: true,
    format: 'armored',
  });
  return stripArmor(signature as string);
}

/** The key IDs a presence signature names, upper-case hex (read without verifying). */
export async function signatureKeyIds(body: string): Promise<string[]> {
  const signature = await readSignature({ armoredSignature: wrapArmor('SIGNATURE', body) });
  return signature.getSigningKeyIDs().map((id) => id.toHex().toUpperCase());
}

/** The fingerprint of the key among `keys` whose valid signature this is over `status`; undefined otherwise. */
export async function verifyStatus(status: string, body: string, keys: readonly Key[]): Promise<Key | undefined> {
  try {
    const signature = await readSignature({ armoredSignature: wrapArmor('SIGNATURE', body) });
    const result: unknown = await verify({
      message: await createMessage({ text: status }),
      signature,
      verificationKeys: [...keys],
    });
    for (const entry of (
      result as { signatures: { keyID: { equals(other: unknown): boolean }; verified: Promise<unknown> }[] }
    ).signatures) {
      const signer = keys.find((k) => k.getKeys(entry.keyID as never).length > 0);
      if (!signer) continue;
      try {
        await entry.verified;
        return signer;
      } catch {
        return undefined;
      }
    }
  } catch {
    return undefined;
  }
  return undefined;
}
