import type { Migration } from './index.ts';

/** Calls are entries of the chat's history: what happened (missed, declined, how long), as JSON. */
export const callHistory: Migration = {
  version: 20,
  name: 'call history',
  up(db) {
    db.exec('ALTER TABLE messages ADD COLUMN call TEXT;');
  },
};
