import type { Migration } from './index.ts';

/** Reactions that came before the message they are for (an archive read backwards): kept until it arrives. */
export const parkedReactions: Migration = {
  version: 12,
  name: 'parked reactions',
  up(db) {
    db.exec(`
      CREATE TABLE parked_reactions (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        peer TEXT NOT NULL,
        ref TEXT NOT NULL,
        sender TEXT NOT NULL,
        name TEXT NOT NULL,
        own INTEGER NOT NULL DEFAULT 0,
        emojis TEXT NOT NULL,
        ts INTEGER NOT NULL,
        PRIMARY KEY (account, peer, ref, sender)
      );
    `);
  },
};
