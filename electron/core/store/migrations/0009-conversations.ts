import type { Migration } from './index.ts';

/** What the chat list keeps per conversation: read up to, pinned, closed, marked unread, the draft. */
export const conversations: Migration = {
  version: 9,
  name: 'conversations',
  up(db) {
    db.exec(`
      CREATE TABLE conversations (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        peer TEXT NOT NULL,
        read_ts INTEGER NOT NULL DEFAULT 0,
        pinned INTEGER NOT NULL DEFAULT 0,
        closed_at INTEGER,
        marked_unread INTEGER NOT NULL DEFAULT 0,
        draft TEXT NOT NULL DEFAULT '',
        touched_at INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account, peer)
      );
    `);
    // Existing history counts as read: an upgrade does not turn every old message into an unread one.
    db.exec(`
      INSERT INTO conversations (account, peer, read_ts, touched_at)
      SELECT account, peer, MAX(ts), MAX(ts) FROM messages GROUP BY account, peer;
    `);
  },
};
