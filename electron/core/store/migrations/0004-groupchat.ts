import type { Migration } from './index.ts';

/** Group chat messages live beside 1:1 ones (peer = the room), with who sent them as the room vouches. */
export const groupchat: Migration = {
  version: 4,
  name: 'group chat messages',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN groupchat INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN occupant_id TEXT;
      ALTER TABLE messages ADD COLUMN mention INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE rooms (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        jid TEXT NOT NULL,
        nick TEXT NOT NULL,
        -- The room's archive id of the newest message we have (for MUC MAM on rejoin).
        last_archive_id TEXT,
        PRIMARY KEY (account, jid)
      );
    `);
  },
};
