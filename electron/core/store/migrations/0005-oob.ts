import type { Migration } from './index.ts';

/** The URL a message shares as a file (XEP-0066), kept so the outbox resends it as a file too. */
export const oob: Migration = {
  version: 5,
  name: 'shared file URLs',
  up(db) {
    db.exec('ALTER TABLE messages ADD COLUMN oob_url TEXT');
  },
};
