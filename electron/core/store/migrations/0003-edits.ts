import type { Migration } from './index.ts';

/** Corrections (XEP-0308) and retractions (XEP-0424) change a stored message in place. */
export const edits: Migration = {
  version: 3,
  name: 'edited and retracted messages',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE messages ADD COLUMN retracted INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX messages_by_origin ON messages (account, origin_id) WHERE origin_id IS NOT NULL;
    `);
  },
};
