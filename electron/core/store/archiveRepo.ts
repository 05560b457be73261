import type { AccountId } from '../../../shared/model/account.ts';
import { type Db, sql } from './db.ts';

export interface ArchivePosition {
  lastId: string;
  lastTimestamp: number;
}

export function createArchiveRepo(db: Db) {
  return {
    position(account: AccountId): ArchivePosition | undefined {
      const row = sql(db, 'SELECT last_id, last_ts FROM archive_sync WHERE account = ?').get(account) as
        { last_id: string | null; last_ts: number | null } | undefined;
      return row?.last_id ? { lastId: row.last_id, lastTimestamp: row.last_ts ?? 0 } : undefined;
    },
    setPosition(account: AccountId, position: ArchivePosition): void {
      sql(
        db,
        `INSERT INTO archive_sync (account, last_id, last_ts) VALUES (?, ?, ?)
        ON CONFLICT (account) DO UPDATE SET last_id = excluded.last_id, last_ts = excluded.last_ts`,
      ).run(account, position.lastId, position.lastTimestamp);
    },
  };
}
export type ArchiveRepo = ReturnType<typeof createArchiveRepo>;
