// Private keys and session records are stored sealed (AES-256-GCM) with a key the platform keeps:
// the key lives in the secret store (Electron safeStorage in the app, an injected store in tests).
import { createCipheriv, createDecipheriv, createSecretKey, randomBytes } from 'node:crypto';
import type { SecretStore } from '../../secrets.ts';

export interface Vault {
  seal(plain: Uint8Array): Uint8Array;
  open(sealed: Uint8Array): Uint8Array;
}

const VAULT_KEY = 'omemo-vault-key';
const FORMAT = 1;

export class VaultError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VaultError';
  }
}

export function createVault(key: Uint8Array): Vault {
  if (key.length !== 32) throw new VaultError('The key store holds a malformed OMEMO key');
  // Made once: a raw key costs node:crypto more to prepare on every call than the sealing itself.
  const keyObject = createSecretKey(key);
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', keyObject, iv);
      const body = Buffer.concat([cipher.update(plain), cipher.final()]);
      return Buffer.concat([Buffer.of(FORMAT), iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      if (sealed[0] !== FORMAT || sealed.length < 29)
        throw new VaultError('A stored OMEMO key is not in a known format');
      try {
        const decipher = createDecipheriv('aes-256-gcm', keyObject, sealed.subarray(1, 13));
        decipher.setAuthTag(sealed.subarray(13, 29));
        return Buffer.concat([decipher.update(sealed.subarray(29)), decipher.final()]);
      } catch {
        throw new VaultError(
          'A stored OMEMO key cannot be opened with the key the system keeps (was the profile moved to another machine?)',
        );
      }
    },
  };
}

/** The vault whose key the secret store holds, made on first use. */
export async function openVault(secrets: SecretStore): Promise<Vault> {
  let encoded = await secrets.get(VAULT_KEY);
  if (!encoded) {
    encoded = randomBytes(32).toString('base64');
    await secrets.set(VAULT_KEY, encoded);
  }
  return createVault(Buffer.from(encoded, 'base64'));
}
