// How the OS protects secrets here, judged from Electron's safeStorage (passed in, so this is tested
// with fakes): a real keychain, Linux's basic_text fallback (a fixed key: no protection worth the name),
// or nothing at all. Start-up never fails over it; the UI explains what it means.
import type { SafeStorage } from 'electron';
import type { SecretCipher } from '../core/index.ts';
import type { SecretProtection } from '../../shared/model/secrets.ts';

export type SafeStorageLike = Pick<
  SafeStorage,
  'isEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptString' | 'decryptString'
>;

export function secretProtection(
  safe: SafeStorageLike,
  platform: NodeJS.Platform,
): Exclude<SecretProtection, 'memory'> {
  if (!safe.isEncryptionAvailable()) return 'none';
  if (platform === 'linux' && safe.getSelectedStorageBackend() === 'basic_text') return 'weak';
  return 'keychain';
}

/** The cipher over safeStorage, or undefined when the OS offers no encryption at all. */
export function safeStorageCipher(safe: SafeStorageLike): SecretCipher | undefined {
  if (!safe.isEncryptionAvailable()) return undefined;
  return {
    encrypt: (plain) => safe.encryptString(plain),
    decrypt: (cipher) => safe.decryptString(Buffer.from(cipher)),
  };
}
