// Full-text search over stored messages (FTS5), newest first, with the filters the UI offers.
import type { ChatMessage } from '../../../shared/model/message.ts';
import { MAX_SEARCH_RESULTS, type SearchQuery, searchWords } from '../../../shared/model/search.ts';
import { type Db, sql } from './db.ts';
import { fromRaw, type RawMessage } from './messagesRepo.ts';

/** An FTS5 expression from plain words: each one quoted (no operators from the user) and matched as a prefix. */
export function ftsExpression(text: string): string | undefined {
  const words = searchWords(text);
  return words.length === 0 ? undefined : words.map((w) => `"${w.replace(/"/gu, '""')}"*`).join(' ');
}

export function createSearchRepo(db: Db) {
  return {
    /** One chat's (or every chat's) stored messages, oldest first, a page at a time (for exports). */
    page(
      filter: { account?: string | undefined; peer?: string | undefined },
      offset: number,
      limit: number,
    ): ChatMessage[] {
      return (
        sql(
          db,
          `SELECT * FROM messages WHERE (?1 IS NULL OR account = ?1) AND (?2 IS NULL OR peer = ?2)
          ORDER BY account, peer, ts, rowid LIMIT ?3 OFFSET ?4`,
        ).all(filter.account ?? null, filter.peer ?? null, limit, offset) as unknown as RawMessage[]
      ).map(fromRaw);
    },
    count(filter: { account?: string | undefined; peer?: string | undefined }): number {
      return (
        sql(
          db,
          'SELECT COUNT(*) AS n FROM messages WHERE (?1 IS NULL OR account = ?1) AND (?2 IS NULL OR peer = ?2)',
        ).get(filter.account ?? null, filter.peer ?? null) as { n: number }
      ).n;
    },
    search(query: SearchQuery): ChatMessage[] {
      const match = ftsExpression(query.text);
      if (!match) return [];
      const where = ['messages_fts MATCH ?'];
      const params: (string | number)[] = [match];
      if (query.account) {
        where.push('m.account = ?');
        params.push(query.account);
      }
      if (query.peer) {
        where.push('m.peer = ?');
        params.push(query.peer);
      }
      if (query.sender) {
        where.push("(m.from_jid LIKE ? ESCAPE '\\' OR m.sender_jid LIKE ? ESCAPE '\\')");
        const like = `%${query.sender.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
        params.push(like, like);
      }
      if (query.since !== undefined) {
        where.push('m.ts >= ?');
        params.push(query.since);
      }
      if (query.until !== undefined) {
        where.push('m.ts <= ?');
        params.push(query.until);
      }
      const limit = Math.min(query.limit ?? 50, MAX_SEARCH_RESULTS);
      return (
        sql(
          db,
          `SELECT m.* FROM messages_fts JOIN messages m ON m.rowid = messages_fts.rowid
          WHERE ${where.join(' AND ')} ORDER BY m.ts DESC, m.rowid DESC LIMIT ${limit}`,
        ).all(...params) as unknown as RawMessage[]
      ).map(fromRaw);
    },
  };
}
