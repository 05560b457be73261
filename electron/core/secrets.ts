// Where passwords and pinned certificates live: never in plain text in the database or logs.
import type { SecretsRepo } from './store/secretsRepo.ts';

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
}

/** The platform's encryption (Electron safeStorage in the app). */
export interface SecretCipher {
  encrypt(plain: string): Uint8Array;
  decrypt(cipher: Uint8Array): string;
}

/** Secrets kept in memory only, for tests and the demo: nothing is written anywhere. */
export function createMemorySecretStore(): SecretStore {
  const values = new Map<string, string>();
  return {
    get: (key) => Promise.resolve(values.get(key)),
    set: (key, value) => {
      values.set(key, value);
      return Promise.resolve();
    },
    delete: (key) => {
      values.delete(key);
      return Promise.resolve();
    },
  };
}

/** Secrets encrypted by the platform and stored as ciphertext in the database. */
export function createEncryptedSecretStore(repo: SecretsRepo, cipher: SecretCipher): SecretStore {
  return {
    get: (key) => {
      const stored = repo.get(key);
      return Promise.resolve(stored ? cipher.decrypt(stored) : undefined);
    },
    set: (key, value) => {
      repo.set(key, cipher.encrypt(value));
      return Promise.resolve();
    },
    delete: (key) => {
      repo.delete(key);
      return Promise.resolve();
    },
  };
}

export const passwordKey = (account: string): string => `password:${account}`;
export const pinKey = (account: string): string => `certificate-pin:${account}`;
