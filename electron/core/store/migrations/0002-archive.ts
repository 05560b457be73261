import type { Migration } from './index.ts';

/** Where archive (XEP-0313) catch-up stands per account, so a restart continues instead of starting over. */
export const archive: Migration = {
  version: 2,
  name: 'archive sync state',
  up(db) {
    db.exec(`
      CREATE TABLE archive_sync (
        account TEXT PRIMARY KEY REFERENCES accounts(id) ON DELETE CASCADE,
        -- The archive id (stanza-id by our own JID) of the newest message caught up to.
        last_id TEXT,
        last_ts INTEGER
      );
    `);
  },
};
