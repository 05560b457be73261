import type { AccountId } from '../../../shared/model/account.ts';
import type { AvatarRef } from '../../../shared/model/avatar.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import { type Db, sql } from './db.ts';

export type AvatarSource = 'pep' | 'vcard';

export function createAvatarsRepo(db: Db) {
  return {
    get(account: AccountId, jid: BareJid): { hash: string; source: AvatarSource } | undefined {
      return sql(db, 'SELECT hash, source FROM avatars WHERE account = ? AND jid = ?').get(account, jid) as
        { hash: string; source: AvatarSource } | undefined;
    },
    set(account: AccountId, jid: BareJid, hash: string, source: AvatarSource): void {
      sql(
        db,
        `INSERT INTO avatars (account, jid, hash, source) VALUES (?, ?, ?, ?)
         ON CONFLICT (account, jid) DO UPDATE SET hash = excluded.hash, source = excluded.source`,
      ).run(account, jid, hash, source);
    },
    remove(account: AccountId, jid: BareJid): void {
      sql(db, 'DELETE FROM avatars WHERE account = ? AND jid = ?').run(account, jid);
    },
    list(account: AccountId): AvatarRef[] {
      const rows = sql(db, 'SELECT jid, hash FROM avatars WHERE account = ? ORDER BY jid').all(account) as {
        jid: AvatarRef['jid'];
        hash: string;
      }[];
      return rows.map(({ jid, hash }) => ({ jid, hash }));
    },
  };
}
export type AvatarsRepo = ReturnType<typeof createAvatarsRepo>;
