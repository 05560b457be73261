import type { Migration } from './index.ts';

/**
 * Full-text search over stored message text (FTS5, external content): kept current by triggers on insert,
 * correction and retraction (a retracted text is no longer found), and built for existing databases here.
 */
export const search: Migration = {
  version: 11,
  name: 'message search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE messages_fts USING fts5(
        body, content='messages', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
      );
      INSERT INTO messages_fts (rowid, body) SELECT rowid, body FROM messages WHERE retracted = 0 AND body != '';
      CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages WHEN new.retracted = 0 AND new.body != '' BEGIN
        INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
      END;
      CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages WHEN old.retracted = 0 AND old.body != '' BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
      END;
      CREATE TRIGGER messages_fts_unindex AFTER UPDATE OF body, retracted ON messages
        WHEN old.retracted = 0 AND old.body != '' BEGIN
        INSERT INTO messages_fts (messages_fts, rowid, body) VALUES ('delete', old.rowid, old.body);
      END;
      CREATE TRIGGER messages_fts_reindex AFTER UPDATE OF body, retracted ON messages
        WHEN new.retracted = 0 AND new.body != '' BEGIN
        INSERT INTO messages_fts (rowid, body) VALUES (new.rowid, new.body);
      END;
    `);
  },
};
