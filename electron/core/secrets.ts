// Where passwords and pinned certificates live: never in plain text in the database or logs.
import type { SecretProtection, SecretsStatus } from '../../shared/model/secrets.ts';
import type { SecretsRepo } from './store/secretsRepo.ts';
import type { MetaRepo } from './store/metaRepo.ts';

export interface SecretStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** How well secrets are protected at rest, and whether passwords are kept between starts. */
  status?(): SecretsStatus;
  setRememberPasswords?(remember: boolean): Promise<void>;
}

/** The platform's encryption (Electron safeStorage in the app). */
export interface SecretCipher {
  encrypt(plain: string): Uint8Array;
  decrypt(cipher: Uint8Array): string;
}

/** Secrets kept in memory only, for tests and the demo: nothing is written anywhere. */
export function createMemorySecretStore(): SecretStore & { keys(): string[] } {
  const values = new Map<string, string>();
  return {
    keys: () => [...values.keys()],
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
/** The fingerprint the account's server showed the last time it was trusted (to tell a change from a first use). */
export const knownCertKey = (account: string): string => `certificate-seen:${account}`;

const REMEMBER_KEY = 'preference:remember-passwords';

/**
 * The app's secret store, honest about its protection: with the OS keychain everything is encrypted
 * at rest; with a weak backend (Linux basic_text: a fixed key) the user may choose not to keep
 * passwords (asked at each start); with no encryption at all nothing is written and passwords live
 * for the session only. The choice is kept with the installation's facts (it is not a secret).
 */
export function createPlatformSecretStore(
  repo: SecretsRepo,
  meta: MetaRepo,
  cipher: SecretCipher | undefined,
  protection: Exclude<SecretProtection, 'memory'>,
): SecretStore {
  const session = createMemorySecretStore();
  const encrypted = cipher ? createEncryptedSecretStore(repo, cipher) : undefined;
  let remember = encrypted !== undefined && meta.get(REMEMBER_KEY) !== '0';
  const persistent = (key: string): SecretStore | undefined =>
    encrypted && (remember || !key.startsWith('password:')) ? encrypted : undefined;
  return {
    get: async (key) => (await session.get(key)) ?? (await persistent(key)?.get(key)),
    set: async (key, value) => {
      await session.set(key, value);
      await persistent(key)?.set(key, value);
    },
    delete: async (key) => {
      await session.delete(key);
      repo.delete(key);
    },
    status: () => ({ protection, rememberPasswords: remember }),
    setRememberPasswords: async (wanted) => {
      if (!encrypted) return;
      if (wanted && !remember) {
        remember = true;
        // Passwords typed this session go to the store now.
        for (const key of session.keys())
          if (key.startsWith('password:')) await encrypted.set(key, (await session.get(key)) ?? '');
      }
      if (!wanted && remember) {
        for (const key of repo.keys()) {
          if (!key.startsWith('password:')) continue;
          const value = await encrypted.get(key);
          if (value !== undefined) await session.set(key, value);
          repo.delete(key);
        }
        remember = false;
      }
      meta.set(REMEMBER_KEY, remember ? '1' : '0');
    },
  };
}
