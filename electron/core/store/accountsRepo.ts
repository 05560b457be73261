import type { TlsMode } from '../../../shared/model/connection.ts';
import type { AccountId } from '../../../shared/model/account.ts';
import type { PresenceShow } from '../../../shared/model/presence.ts';
import { type Db, sql } from './db.ts';

export interface AccountRow {
  id: AccountId;
  resource: string;
  priority: number;
  host?: string;
  port?: number;
  tls: TlsMode;
  presenceShow: PresenceShow;
  presenceStatus: string;
  /** Off: kept with its history, never connected until switched on again. */
  enabled: boolean;
  /** '#rrggbb' the user chose, or '' for the colour made from the address. */
  color: string;
  position: number;
}

interface RawAccount {
  id: string;
  resource: string;
  priority: number;
  host: string | null;
  port: number | null;
  tls: string;
  presence_show: string;
  presence_status: string;
  enabled: number;
  color: string;
  position: number;
}

function fromRaw(raw: RawAccount): AccountRow {
  return {
    id: raw.id as AccountId,
    resource: raw.resource,
    priority: raw.priority,
    ...(raw.host ? { host: raw.host } : {}),
    ...(raw.port ? { port: raw.port } : {}),
    tls: raw.tls === 'direct' ? 'direct' : 'starttls',
    presenceShow: raw.presence_show as PresenceShow,
    presenceStatus: raw.presence_status,
    enabled: raw.enabled !== 0,
    color: raw.color,
    position: raw.position,
  };
}

export function createAccountsRepo(db: Db) {
  return {
    list(): AccountRow[] {
      return (sql(db, 'SELECT * FROM accounts ORDER BY position, created_at, id').all() as unknown as RawAccount[]).map(
        fromRaw,
      );
    },
    get(id: AccountId): AccountRow | undefined {
      const raw = sql(db, 'SELECT * FROM accounts WHERE id = ?').get(id) as RawAccount | undefined;
      return raw ? fromRaw(raw) : undefined;
    },
    upsert(row: AccountRow): void {
      sql(
        db,
        `INSERT INTO accounts (id, resource, priority, host, port, tls, presence_show, presence_status, enabled, color, position, created_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET resource = excluded.resource, priority = excluded.priority, host = excluded.host,
          port = excluded.port, tls = excluded.tls, presence_show = excluded.presence_show, presence_status = excluded.presence_status,
          enabled = excluded.enabled, color = excluded.color, position = excluded.position`,
      ).run(
        row.id,
        row.resource,
        row.priority,
        row.host ?? null,
        row.port ?? null,
        row.tls,
        row.presenceShow,
        row.presenceStatus,
        Number(row.enabled),
        row.color,
        row.position,
        Date.now(),
      );
    },
    remove(id: AccountId): void {
      sql(db, 'DELETE FROM accounts WHERE id = ?').run(id);
    },
  };
}
export type AccountsRepo = ReturnType<typeof createAccountsRepo>;
