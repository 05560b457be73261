import type { Migration } from './index.ts';

export const init: Migration = {
  version: 1,
  name: 'accounts, secrets, roster, messages, outbox',
  up(db) {
    db.exec(`
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        resource TEXT NOT NULL,
        priority INTEGER NOT NULL DEFAULT 0 CHECK (priority BETWEEN -128 AND 127),
        host TEXT,
        port INTEGER,
        tls TEXT NOT NULL DEFAULT 'starttls' CHECK (tls IN ('starttls', 'direct')),
        presence_show TEXT NOT NULL DEFAULT 'online',
        presence_status TEXT NOT NULL DEFAULT '',
        created_at INTEGER NOT NULL
      );
      -- Ciphertext only: the platform's secret store encrypts before anything reaches this table.
      CREATE TABLE secrets (
        key TEXT PRIMARY KEY,
        ciphertext BLOB NOT NULL
      );
      CREATE TABLE roster_items (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        jid TEXT NOT NULL,
        name TEXT NOT NULL DEFAULT '',
        subscription TEXT NOT NULL DEFAULT 'none',
        pending_out INTEGER NOT NULL DEFAULT 0,
        pending_in INTEGER NOT NULL DEFAULT 0,
        approved INTEGER NOT NULL DEFAULT 0,
        groups_json TEXT NOT NULL DEFAULT '[]',
        PRIMARY KEY (account, jid)
      );
      CREATE TABLE roster_meta (
        account TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        version TEXT
      );
      CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        peer TEXT NOT NULL,
        direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
        from_jid TEXT NOT NULL,
        body TEXT NOT NULL,
        ts INTEGER NOT NULL,
        state TEXT NOT NULL,
        origin_id TEXT,
        stanza_id TEXT
      );
      CREATE INDEX messages_by_chat ON messages (account, peer, ts, id);
      CREATE UNIQUE INDEX messages_origin ON messages (account, peer, direction, origin_id) WHERE origin_id IS NOT NULL;
      CREATE UNIQUE INDEX messages_stanza ON messages (account, stanza_id) WHERE stanza_id IS NOT NULL;
      CREATE TABLE outbox (
        message_id TEXT PRIMARY KEY REFERENCES messages(id) ON DELETE CASCADE,
        account TEXT NOT NULL,
        enqueued_at INTEGER NOT NULL
      );
      CREATE INDEX outbox_by_account ON outbox (account, enqueued_at);
    `);
  },
};
