import { type Db, sql } from './db.ts';

/** Raw ciphertext rows; only the encrypting secret store uses this. */
export function createSecretsRepo(db: Db) {
  return {
    get(key: string): Uint8Array | undefined {
      const row = sql(db, 'SELECT ciphertext FROM secrets WHERE key = ?').get(key) as
        { ciphertext: Uint8Array } | undefined;
      return row?.ciphertext;
    },
    set(key: string, ciphertext: Uint8Array): void {
      sql(
        db,
        'INSERT INTO secrets (key, ciphertext) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET ciphertext = excluded.ciphertext',
      ).run(key, ciphertext);
    },
    keys(): string[] {
      return (sql(db, 'SELECT key FROM secrets').all() as { key: string }[]).map((r) => r.key);
    },
    delete(key: string): void {
      sql(db, 'DELETE FROM secrets WHERE key = ?').run(key);
    },
  };
}
export type SecretsRepo = ReturnType<typeof createSecretsRepo>;
