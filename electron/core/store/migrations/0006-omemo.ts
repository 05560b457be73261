import type { Migration } from './index.ts';

/**
 * OMEMO (legacy, eu.siacs.conversations.axolotl): our device's keys, sessions, what we know of every
 * device (identity key and trust bound to it), the per-chat switch, and each message's encryption.
 * Private keys and session records are stored sealed by the platform-held key (vault.ts).
 */
export const omemo: Migration = {
  version: 6,
  name: 'omemo',
  up(db) {
    db.exec(`
      CREATE TABLE omemo_identity (
        account TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        device_id INTEGER NOT NULL,
        public_key BLOB NOT NULL,
        private_key BLOB NOT NULL,
        next_pre_key_id INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      CREATE TABLE omemo_pre_keys (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        public_key BLOB NOT NULL,
        private_key BLOB NOT NULL,
        consumed_at INTEGER,
        PRIMARY KEY (account, id)
      );
      CREATE TABLE omemo_signed_pre_keys (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        id INTEGER NOT NULL,
        public_key BLOB NOT NULL,
        private_key BLOB NOT NULL,
        signature BLOB NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (account, id)
      );
      CREATE TABLE omemo_sessions (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        jid TEXT NOT NULL,
        device INTEGER NOT NULL,
        record BLOB NOT NULL,
        PRIMARY KEY (account, jid, device)
      );
      CREATE TABLE omemo_devices (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        jid TEXT NOT NULL,
        device INTEGER NOT NULL,
        identity_key BLOB,
        trust TEXT NOT NULL DEFAULT 'unknown',
        active INTEGER NOT NULL DEFAULT 1,
        first_seen INTEGER NOT NULL,
        last_seen INTEGER,
        PRIMARY KEY (account, jid, device)
      );
      CREATE TABLE omemo_chats (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        peer TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        PRIMARY KEY (account, peer)
      );
      ALTER TABLE messages ADD COLUMN encryption TEXT;
    `);
  },
};
