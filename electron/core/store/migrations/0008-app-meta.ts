import type { Migration } from './index.ts';

/** Small facts about this installation that are not secrets (its id, whether passwords are kept). */
export const appMeta: Migration = {
  version: 8,
  name: 'installation facts',
  up(db) {
    db.exec('CREATE TABLE app_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    // Moved out of the secrets table, where two such rows had been kept as raw bytes.
    const rows = db
      .prepare("SELECT key, ciphertext FROM secrets WHERE key IN ('installation-id', 'preference:remember-passwords')")
      .all() as { key: string; ciphertext: Uint8Array }[];
    for (const { key, ciphertext } of rows) {
      const value = key === 'installation-id' ? new TextDecoder().decode(ciphertext) : String(ciphertext[0] ?? 1);
      db.prepare('INSERT INTO app_meta (key, value) VALUES (?, ?)').run(key, value);
    }
    db.exec("DELETE FROM secrets WHERE key IN ('installation-id', 'preference:remember-passwords')");
  },
};
