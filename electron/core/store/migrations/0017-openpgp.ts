import type { Migration } from './index.ts';

/**
 * OpenPGP (XEP-0373/0374): our key per account (the private key sealed by the platform-held key), the
 * keys contacts announced with their trust, and which encryption each chat uses when the user chose one.
 */
export const openpgp: Migration = {
  version: 17,
  name: 'openpgp',
  up(db) {
    db.exec(`
      CREATE TABLE openpgp_own (
        account TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        sealed_key BLOB NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE openpgp_keys (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        jid TEXT NOT NULL,
        fingerprint TEXT NOT NULL,
        public_key BLOB NOT NULL,
        trust TEXT NOT NULL,
        active INTEGER NOT NULL DEFAULT 1,
        first_seen INTEGER NOT NULL,
        PRIMARY KEY (account, jid, fingerprint)
      );
      CREATE TABLE chat_encryption (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        peer TEXT NOT NULL,
        protocol TEXT NOT NULL,
        PRIMARY KEY (account, peer)
      );
    `);
  },
};
