// The chat list's view of the store: every conversation of every account with its newest message,
// unread and mention counts, and what the user set on it (pinned, closed, marked unread, draft).
import type { AccountId } from '../../../shared/model/account.ts';
import type { Conversation } from '../../../shared/model/conversation.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import { type Db, sql } from './db.ts';
import { fromRaw, type RawMessage } from './messagesRepo.ts';

interface RawConversation {
  read_ts: number;
  pinned: number;
  closed_at: number | null;
  marked_unread: number;
  draft: string;
  touched_at: number;
}

const NONE: RawConversation = { read_ts: 0, pinned: 0, closed_at: null, marked_unread: 0, draft: '', touched_at: 0 };

export function createConversationsRepo(db: Db) {
  const ensure = (account: AccountId, peer: BareJid): void => {
    sql(db, 'INSERT OR IGNORE INTO conversations (account, peer) VALUES (?, ?)').run(account, peer);
  };
  const latestTs = (account: AccountId, peer: BareJid): number =>
    (
      sql(db, 'SELECT MAX(ts) AS ts FROM messages WHERE account = ? AND peer = ?').get(account, peer) as {
        ts: number | null;
      }
    ).ts ?? 0;
  const isRoom = (account: AccountId, peer: BareJid): boolean =>
    sql(db, 'SELECT 1 FROM rooms WHERE account = ? AND jid = ?').get(account, peer) !== undefined;

  return {
    get(account: AccountId, peer: BareJid): Conversation {
      const row =
        (sql(db, 'SELECT * FROM conversations WHERE account = ? AND peer = ?').get(account, peer) as
          RawConversation | undefined) ?? NONE;
      const lastRaw = sql(
        db,
        'SELECT * FROM messages WHERE account = ? AND peer = ? ORDER BY ts DESC, rowid DESC LIMIT 1',
      ).get(account, peer) as RawMessage | undefined;
      const last = lastRaw ? fromRaw(lastRaw) : undefined;
      const counts = sql(
        db,
        "SELECT COUNT(*) AS n, COALESCE(SUM(mention), 0) AS m FROM messages WHERE account = ? AND peer = ? AND direction = 'in' AND retracted = 0 AND ts > ?",
      ).get(account, peer, row.read_ts) as { n: number; m: number };
      return {
        account,
        peer,
        kind: peer.includes('/') ? 'private' : isRoom(account, peer) || last?.groupchat ? 'room' : 'chat',
        ...(last ? { last } : {}),
        activity: Math.max(last?.timestamp ?? 0, row.touched_at),
        unread: counts.n,
        mentions: counts.m,
        pinned: row.pinned === 1,
        markedUnread: row.marked_unread === 1,
        closed: row.closed_at !== null && (last?.timestamp ?? 0) <= row.closed_at,
        draft: row.draft,
      };
    },
    /** Every conversation of these accounts: with messages, joined rooms, or touched by the user. */
    list(accounts: readonly AccountId[]): Conversation[] {
      const keys = new Map<string, [AccountId, BareJid]>();
      const add = (account: string, peer: string): void => {
        keys.set(`${account} ${peer}`, [account as AccountId, peer as BareJid]);
      };
      for (const account of accounts) {
        for (const r of sql(db, 'SELECT DISTINCT peer FROM messages WHERE account = ?').all(account) as {
          peer: string;
        }[])
          add(account, r.peer);
        for (const r of sql(db, 'SELECT peer FROM conversations WHERE account = ?').all(account) as { peer: string }[])
          add(account, r.peer);
        for (const r of sql(db, 'SELECT jid FROM rooms WHERE account = ?').all(account) as { jid: string }[])
          add(account, r.jid);
      }
      return [...keys.values()].map(([account, peer]) => this.get(account, peer));
    },
    /** Read up to here (never backwards); a "marked unread" goes. */
    markRead(account: AccountId, peer: BareJid, upTo = latestTs(account, peer)): void {
      ensure(account, peer);
      sql(
        db,
        'UPDATE conversations SET read_ts = MAX(read_ts, ?), marked_unread = 0 WHERE account = ? AND peer = ?',
      ).run(upTo, account, peer);
    },
    setMarkedUnread(account: AccountId, peer: BareJid, unread: boolean): void {
      if (!unread) return this.markRead(account, peer);
      ensure(account, peer);
      sql(db, 'UPDATE conversations SET marked_unread = 1 WHERE account = ? AND peer = ?').run(account, peer);
    },
    setPinned(account: AccountId, peer: BareJid, pinned: boolean): void {
      ensure(account, peer);
      sql(db, 'UPDATE conversations SET pinned = ?, closed_at = NULL WHERE account = ? AND peer = ?').run(
        pinned ? 1 : 0,
        account,
        peer,
      );
    },
    /** Hidden until a message newer than now arrives (or the user opens it again). */
    close(account: AccountId, peer: BareJid, now: number): void {
      ensure(account, peer);
      sql(db, 'UPDATE conversations SET closed_at = ?, pinned = 0 WHERE account = ? AND peer = ?').run(
        Math.max(now, latestTs(account, peer)),
        account,
        peer,
      );
    },
    /** Opened or started by the user: listed (again), and sorted as of now when it has no newer message. */
    touch(account: AccountId, peer: BareJid, now: number): void {
      ensure(account, peer);
      sql(db, 'UPDATE conversations SET closed_at = NULL, touched_at = ? WHERE account = ? AND peer = ?').run(
        now,
        account,
        peer,
      );
    },
    setDraft(account: AccountId, peer: BareJid, draft: string): void {
      ensure(account, peer);
      sql(db, 'UPDATE conversations SET draft = ? WHERE account = ? AND peer = ?').run(draft, account, peer);
    },
  };
}
export type ConversationsRepo = ReturnType<typeof createConversationsRepo>;
