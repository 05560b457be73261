import type { Migration } from './index.ts';

/** XEP-0461 replies on messages, and XEP-0444 reactions per message and person. */
export const repliesReactions: Migration = {
  version: 10,
  name: 'replies and reactions',
  up(db) {
    db.exec(`
      ALTER TABLE messages ADD COLUMN reply_id TEXT;
      ALTER TABLE messages ADD COLUMN reply_to TEXT;
      ALTER TABLE messages ADD COLUMN reply_quote TEXT;
      CREATE TABLE reactions (
        message_id TEXT NOT NULL REFERENCES messages(id) ON DELETE CASCADE,
        sender TEXT NOT NULL,
        name TEXT NOT NULL,
        own INTEGER NOT NULL DEFAULT 0,
        emojis TEXT NOT NULL,
        ts INTEGER NOT NULL,
        PRIMARY KEY (message_id, sender)
      );
    `);
  },
};
