import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import { type Db, sql } from './db.ts';

export function createNicknamesRepo(db: Db) {
  return {
    get(account: AccountId, jid: BareJid): string | undefined {
      return (
        sql(db, 'SELECT nick FROM nicknames WHERE account = ? AND jid = ?').get(account, jid) as
          { nick: string } | undefined
      )?.nick;
    },
    /** An empty nick forgets it. */
    set(account: AccountId, jid: BareJid, nick: string): void {
      if (!nick) {
        sql(db, 'DELETE FROM nicknames WHERE account = ? AND jid = ?').run(account, jid);
        return;
      }
      sql(
        db,
        `INSERT INTO nicknames (account, jid, nick) VALUES (?, ?, ?)
         ON CONFLICT (account, jid) DO UPDATE SET nick = excluded.nick`,
      ).run(account, jid, nick);
    },
  };
}
