import type { Migration } from './index.ts';

/** Which avatar each contact, room and our own account shows (the image itself is in the file cache). */
export const avatars: Migration = {
  version: 13,
  name: 'avatars',
  up(db) {
    db.exec(`
      CREATE TABLE avatars (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        jid TEXT NOT NULL,
        hash TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('pep', 'vcard')),
        PRIMARY KEY (account, jid)
      );
    `);
  },
};
