import { type Db, sql } from './db.ts';

/** Plain facts about the installation (not secrets: those go through the secret store). */
export function createMetaRepo(db: Db) {
  return {
    get(key: string): string | undefined {
      return (sql(db, 'SELECT value FROM app_meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
    },
    set(key: string, value: string): void {
      sql(
        db,
        'INSERT INTO app_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      ).run(key, value);
    },
  };
}
export type MetaRepo = ReturnType<typeof createMetaRepo>;
