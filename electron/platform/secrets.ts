// Passwords and certificate pins encrypted with the OS keychain (safeStorage) before they reach SQLite.
import { safeStorage } from 'electron';
import type { SecretCipher } from '../core/index.ts';

export function safeStorageCipher(): SecretCipher {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new Error('The system keychain is not available: cannot store passwords safely');
  }
  return {
    encrypt: (plain) => safeStorage.encryptString(plain),
    decrypt: (cipher) => safeStorage.decryptString(Buffer.from(cipher)),
  };
}
