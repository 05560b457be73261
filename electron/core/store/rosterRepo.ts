import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { RosterItem, Subscription } from '../../../shared/model/roster.ts';
import { type Db, sql, transaction } from './db.ts';

interface RawItem {
  jid: string;
  name: string;
  subscription: string;
  pending_out: number;
  pending_in: number;
  approved: number;
  groups_json: string;
  nick: string | null;
}

function parseGroups(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((g): g is string => typeof g === 'string') : [];
  } catch {
    return [];
  }
}

function fromRaw(raw: RawItem): RosterItem {
  return {
    jid: raw.jid as BareJid,
    name: raw.name,
    subscription: raw.subscription as Subscription,
    pendingOut: raw.pending_out === 1,
    pendingIn: raw.pending_in === 1,
    approved: raw.approved === 1,
    groups: parseGroups(raw.groups_json),
    ...(raw.nick ? { nick: raw.nick } : {}),
  };
}

/** Roster items with the nickname the contact gave themselves (XEP-0172), kept apart from the server's roster. */
const SELECT = `SELECT r.*, n.nick AS nick FROM roster_items r
  LEFT JOIN nicknames n ON n.account = r.account AND n.jid = r.jid`;

export function createRosterRepo(db: Db) {
  const upsert = sql(
    db,
    `INSERT INTO roster_items (account, jid, name, subscription, pending_out, pending_in, approved, groups_json)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (account, jid) DO UPDATE SET name = excluded.name, subscription = excluded.subscription, pending_out = excluded.pending_out,
      pending_in = excluded.pending_in, approved = excluded.approved, groups_json = excluded.groups_json`,
  );
  const put = (account: AccountId, item: RosterItem): void => {
    upsert.run(
      account,
      item.jid,
      item.name,
      item.subscription,
      Number(item.pendingOut),
      Number(item.pendingIn),
      Number(item.approved),
      JSON.stringify(item.groups),
    );
  };
  return {
    list(account: AccountId): RosterItem[] {
      return (sql(db, `${SELECT} WHERE r.account = ? ORDER BY r.jid`).all(account) as unknown as RawItem[]).map(
        fromRaw,
      );
    },
    get(account: AccountId, jid: BareJid): RosterItem | undefined {
      const raw = sql(db, `${SELECT} WHERE r.account = ? AND r.jid = ?`).get(account, jid) as RawItem | undefined;
      return raw ? fromRaw(raw) : undefined;
    },
    put,
    remove(account: AccountId, jid: BareJid): void {
      sql(db, 'DELETE FROM roster_items WHERE account = ? AND jid = ?').run(account, jid);
    },
    /**
     * Replaces the whole roster (a full fetch). Incoming subscription requests are ours, not the server's:
     * their flags are kept, and a stranger who asked stays listed (with no subscription) so it can be answered.
     */
    replace(account: AccountId, items: RosterItem[], version: string | undefined): void {
      transaction(db, () => {
        const asked = new Set(
          this.list(account)
            .filter((i) => i.pendingIn)
            .map((i) => i.jid),
        );
        sql(db, 'DELETE FROM roster_items WHERE account = ?').run(account);
        for (const item of items) {
          const answered = item.subscription === 'from' || item.subscription === 'both';
          put(account, { ...item, pendingIn: !answered && (item.pendingIn || asked.has(item.jid)) });
          asked.delete(item.jid);
        }
        for (const jid of asked)
          put(account, {
            jid,
            name: '',
            subscription: 'none',
            pendingOut: false,
            pendingIn: true,
            approved: false,
            groups: [],
          });
        this.setVersion(account, version);
      });
    },
    version(account: AccountId): string | undefined {
      const row = sql(db, 'SELECT version FROM roster_meta WHERE account = ?').get(account) as
        { version: string | null } | undefined;
      return row?.version ?? undefined;
    },
    setVersion(account: AccountId, version: string | undefined): void {
      sql(
        db,
        'INSERT INTO roster_meta (account, version) VALUES (?, ?) ON CONFLICT (account) DO UPDATE SET version = excluded.version',
      ).run(account, version ?? null);
    },
  };
}
export type RosterRepo = ReturnType<typeof createRosterRepo>;
