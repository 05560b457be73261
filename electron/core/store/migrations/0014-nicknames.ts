import type { Migration } from './index.ts';

/** Nicknames people give themselves (XEP-0172): they name a contact where the roster has no name. */
export const nicknames: Migration = {
  version: 14,
  name: 'nicknames',
  up(db) {
    db.exec(`
      CREATE TABLE nicknames (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        jid TEXT NOT NULL,
        nick TEXT NOT NULL,
        PRIMARY KEY (account, jid)
      );
    `);
  },
};
