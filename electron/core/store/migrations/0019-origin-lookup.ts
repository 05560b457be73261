import type { Migration } from './index.ts';

/**
 * Looking a message up by its origin-id within one chat (duplicate checks on every incoming message,
 * corrections, archive merges) used an index that stops at (account, peer) and then walked the whole chat.
 */
export const originLookup: Migration = {
  version: 19,
  name: 'origin-id lookup per chat',
  up(db) {
    db.exec(`
      DROP INDEX messages_by_origin;
      CREATE INDEX messages_by_origin ON messages (account, origin_id, peer) WHERE origin_id IS NOT NULL;
    `);
  },
};
