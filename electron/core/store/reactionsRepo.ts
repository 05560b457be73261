// XEP-0444 reactions: one row per message and person, replaced as a whole by that person's newer set.
import type { MessageReaction } from '../../../shared/model/message.ts';
import { type Db, sql } from './db.ts';

const PARK_LIMIT = 10_000;

export function createReactionsRepo(db: Db) {
  return {
    /** A person's reactions to a message; an older set (an archive replay) never replaces a newer one. */
    set(messageId: string, reaction: MessageReaction, ts: number): boolean {
      const current = sql(db, 'SELECT ts, emojis FROM reactions WHERE message_id = ? AND sender = ?').get(
        messageId,
        reaction.sender,
      ) as { ts: number; emojis: string } | undefined;
      if (current && (current.ts > ts || current.emojis === JSON.stringify(reaction.emojis))) return false;
      if (reaction.emojis.length === 0) {
        if (!current) return false;
        sql(db, 'DELETE FROM reactions WHERE message_id = ? AND sender = ?').run(messageId, reaction.sender);
        return true;
      }
      sql(
        db,
        `INSERT INTO reactions (message_id, sender, name, own, emojis, ts) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (message_id, sender) DO UPDATE SET name = excluded.name, emojis = excluded.emojis, ts = excluded.ts`,
      ).run(messageId, reaction.sender, reaction.name, Number(reaction.own), JSON.stringify(reaction.emojis), ts);
      return true;
    },
    /** Kept for a message not here yet (newest set per person wins; at most PARK_LIMIT per account). */
    park(account: string, peer: string, ref: string, reaction: MessageReaction, ts: number): void {
      sql(
        db,
        `INSERT INTO parked_reactions (account, peer, ref, sender, name, own, emojis, ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (account, peer, ref, sender) DO UPDATE SET name = excluded.name, emojis = excluded.emojis, ts = excluded.ts
        WHERE excluded.ts >= parked_reactions.ts`,
      ).run(
        account,
        peer,
        ref,
        reaction.sender,
        reaction.name,
        Number(reaction.own),
        JSON.stringify(reaction.emojis),
        ts,
      );
      sql(
        db,
        `DELETE FROM parked_reactions WHERE account = ?1 AND rowid NOT IN
        (SELECT rowid FROM parked_reactions WHERE account = ?1 ORDER BY ts DESC LIMIT ${PARK_LIMIT})`,
      ).run(account);
    },
    /** The parked reactions for a message that just arrived (by any id it may be referred to by), applied to it. */
    claim(account: string, peer: string, refs: readonly string[], messageId: string): boolean {
      if (refs.length === 0) return false;
      const marks = refs.map(() => '?').join(',');
      const rows = sql(
        db,
        `SELECT sender, name, own, emojis, ts FROM parked_reactions WHERE account = ? AND peer = ? AND ref IN (${marks}) ORDER BY ts`,
      ).all(account, peer, ...refs) as { sender: string; name: string; own: number; emojis: string; ts: number }[];
      if (rows.length === 0) return false;
      sql(db, `DELETE FROM parked_reactions WHERE account = ? AND peer = ? AND ref IN (${marks})`).run(
        account,
        peer,
        ...refs,
      );
      let changed = false;
      for (const r of rows)
        changed =
          this.set(
            messageId,
            { sender: r.sender, name: r.name, own: r.own === 1, emojis: JSON.parse(r.emojis) as string[] },
            r.ts,
          ) || changed;
      return changed;
    },
    of(messageIds: readonly string[]): Map<string, MessageReaction[]> {
      const byMessage = new Map<string, MessageReaction[]>();
      if (messageIds.length === 0) return byMessage;
      const rows = sql(
        db,
        `SELECT message_id, sender, name, own, emojis FROM reactions WHERE message_id IN (${messageIds.map(() => '?').join(',')}) ORDER BY ts`,
      ).all(...messageIds) as { message_id: string; sender: string; name: string; own: number; emojis: string }[];
      for (const r of rows) {
        const list = byMessage.get(r.message_id) ?? [];
        list.push({ sender: r.sender, name: r.name, own: r.own === 1, emojis: JSON.parse(r.emojis) as string[] });
        byMessage.set(r.message_id, list);
      }
      return byMessage;
    },
  };
}
export type ReactionsRepo = ReturnType<typeof createReactionsRepo>;
