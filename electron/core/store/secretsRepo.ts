import type { Db } from './db.ts';

/** Raw ciphertext rows; only the encrypting secret store uses this. */
export function createSecretsRepo(db: Db) {
  return {
    get(key: string): Uint8Array | undefined {
      const row = db.prepare('SELECT ciphertext FROM secrets WHERE key = ?').get(key) as { ciphertext: Uint8Array } | undefined;
      return row?.ciphertext;
    },
    set(key: string, ciphertext: Uint8Array): void {
      db.prepare('INSERT INTO secrets (key, ciphertext) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET ciphertext = excluded.ciphertext').run(key, ciphertext);
    },
    delete(key: string): void {
      db.prepare('DELETE FROM secrets WHERE key = ?').run(key);
    },
  };
}
export type SecretsRepo = ReturnType<typeof createSecretsRepo>;
