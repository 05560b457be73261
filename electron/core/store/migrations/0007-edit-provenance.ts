import type { Migration } from './index.ts';

/**
 * Where a room message came from (the sender's real JID, when the room told us), so a correction or
 * retraction is matched to its sender by more than a nick; and corrections that were refused (in
 * clear for an encrypted message) but kept as messages of their own.
 */
export const editProvenance: Migration = {
  version: 7,
  name: 'sender JIDs and refused corrections',
  up(db) {
    db.exec('ALTER TABLE messages ADD COLUMN sender_jid TEXT');
    db.exec('ALTER TABLE messages ADD COLUMN refused_correction INTEGER NOT NULL DEFAULT 0');
  },
};
