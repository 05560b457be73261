/**
 * How passwords and keys are protected at rest: the OS keychain; a weak backend (Linux without a
 * keyring: Electron's basic_text, a key anyone with the files can read); none at all (kept for this
 * session only); or memory (tests and the demo).
 */
export type SecretProtection = 'keychain' | 'weak' | 'none' | 'memory';

export interface SecretsStatus {
  protection: SecretProtection;
  /** Passwords are kept between starts (else asked for at each start). */
  rememberPasswords: boolean;
}
