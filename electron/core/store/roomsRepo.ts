import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import { type Db, sql } from './db.ts';

export interface RoomRow {
  jid: BareJid;
  nick: string;
  lastArchiveId: string | undefined;
}

/** The rooms an account is in (rejoined on every new session) and how far their archives were read. */
export function createRoomsRepo(db: Db) {
  return {
    list(account: AccountId): RoomRow[] {
      return (
        sql(db, 'SELECT jid, nick, last_archive_id FROM rooms WHERE account = ? ORDER BY jid').all(
          account,
        ) as unknown as { jid: string; nick: string; last_archive_id: string | null }[]
      ).map((r) => ({ jid: r.jid as BareJid, nick: r.nick, lastArchiveId: r.last_archive_id ?? undefined }));
    },
    get(account: AccountId, jid: BareJid): RoomRow | undefined {
      return this.list(account).find((r) => r.jid === jid);
    },
    put(account: AccountId, jid: BareJid, nick: string): void {
      sql(
        db,
        'INSERT INTO rooms (account, jid, nick) VALUES (?, ?, ?) ON CONFLICT (account, jid) DO UPDATE SET nick = excluded.nick',
      ).run(account, jid, nick);
    },
    remove(account: AccountId, jid: BareJid): void {
      sql(db, 'DELETE FROM rooms WHERE account = ? AND jid = ?').run(account, jid);
    },
    setLastArchiveId(account: AccountId, jid: BareJid, id: string): void {
      sql(db, 'UPDATE rooms SET last_archive_id = ? WHERE account = ? AND jid = ?').run(id, account, jid);
    },
  };
}
export type RoomsRepo = ReturnType<typeof createRoomsRepo>;
