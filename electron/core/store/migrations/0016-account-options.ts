import type { Migration } from './index.ts';

/** Accounts can be switched off without deleting them, carry a colour, and keep the order the user gave. */
export const accountOptions: Migration = {
  version: 16,
  name: 'account options',
  up(db) {
    db.exec(`
      ALTER TABLE accounts ADD COLUMN enabled INTEGER NOT NULL DEFAULT 1;
      ALTER TABLE accounts ADD COLUMN color TEXT NOT NULL DEFAULT '';
      ALTER TABLE accounts ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
    `);
  },
};
