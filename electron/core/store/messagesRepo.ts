import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import {
  type ChatMessage,
  DELIVERY_ORDER,
  type DeliveryState,
  type MessageEncryption,
  type MessageId,
} from '../../../shared/model/message.ts';
import { CALL_MEDIA, type CallSummary } from '../../../shared/model/call.ts';
import { type Db, sql, transaction } from './db.ts';

export interface RawMessage {
  id: string;
  account: string;
  peer: string;
  direction: string;
  from_jid: string;
  body: string;
  ts: number;
  state: string;
  origin_id: string | null;
  stanza_id: string | null;
  edited: number;
  retracted: number;
  groupchat: number;
  occupant_id: string | null;
  mention: number;
  oob_url: string | null;
  encryption: string | null;
  sender_jid: string | null;
  refused_correction: number;
  reply_id: string | null;
  reply_to: string | null;
  reply_quote: string | null;
  call: string | null;
}

export function fromRaw(raw: RawMessage): ChatMessage {
  return {
    id: raw.id,
    account: raw.account as AccountId,
    peer: raw.peer as BareJid,
    direction: raw.direction === 'out' ? 'out' : 'in',
    from: raw.from_jid,
    body: raw.body,
    timestamp: raw.ts,
    state: raw.state as DeliveryState,
    ...(raw.origin_id ? { originId: raw.origin_id } : {}),
    ...(raw.stanza_id ? { stanzaId: raw.stanza_id } : {}),
    ...(raw.edited ? { edited: true } : {}),
    ...(raw.retracted ? { retracted: true } : {}),
    ...(raw.groupchat ? { groupchat: true } : {}),
    ...(raw.occupant_id ? { occupantId: raw.occupant_id } : {}),
    ...(raw.mention ? { mention: true } : {}),
    ...(raw.oob_url ? { oobUrl: raw.oob_url } : {}),
    ...(raw.encryption ? { encryption: encryptionOf(raw.encryption) } : {}),
    ...(raw.sender_jid ? { senderJid: raw.sender_jid as BareJid } : {}),
    ...(raw.refused_correction ? { refusedCorrection: true } : {}),
    ...(raw.reply_id
      ? {
          replyTo: {
            id: raw.reply_id,
            ...(raw.reply_to ? { to: raw.reply_to } : {}),
            ...(raw.reply_quote ? { quote: raw.reply_quote } : {}),
          },
        }
      : {}),
    ...(raw.call ? { call: callOf(raw.call) } : {}),
  };
}

function callOf(json: string): CallSummary {
  const parsed = JSON.parse(json) as CallSummary;
  return { ...parsed, media: parsed.media.filter((m) => CALL_MEDIA.includes(m)) };
}

function encryptionOf(json: string): MessageEncryption {
  const parsed = JSON.parse(json) as Partial<MessageEncryption>;
  const protocol =
    parsed.protocol === 'openpgp' || parsed.protocol === 'openpgp-legacy' || parsed.protocol === 'otr'
      ? parsed.protocol
      : 'omemo';
  return { ...parsed, protocol };
}

export function createMessagesRepo(db: Db) {
  const insert = sql(
    db,
    `INSERT OR IGNORE INTO messages (id, account, peer, direction, from_jid, body, ts, state, origin_id, stanza_id, edited, retracted, groupchat, occupant_id, mention, oob_url, encryption, sender_jid, refused_correction, reply_id, reply_to, reply_quote, call)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertOutbox = sql(db, 'INSERT INTO outbox (message_id, account, enqueued_at) VALUES (?, ?, ?)');
  return {
    /** Stores the message unless one with the same id, origin-id or stanza-id is there; true when stored. */
    add(message: ChatMessage): boolean {
      const result = insert.run(
        message.id,
        message.account,
        message.peer,
        message.direction,
        message.from,
        message.body,
        message.timestamp,
        message.state,
        message.originId ?? null,
        message.stanzaId ?? null,
        Number(message.edited ?? false),
        Number(message.retracted ?? false),
        Number(message.groupchat ?? false),
        message.occupantId ?? null,
        Number(message.mention ?? false),
        message.oobUrl ?? null,
        message.encryption ? JSON.stringify(message.encryption) : null,
        message.senderJid ?? null,
        Number(message.refusedCorrection ?? false),
        message.replyTo?.id ?? null,
        message.replyTo?.to ?? null,
        message.replyTo?.quote ?? null,
        message.call ? JSON.stringify(message.call) : null,
      );
      return result.changes === 1;
    },
    /** A new outgoing message and its outbox entry, in one transaction. */
    enqueue(message: ChatMessage): void {
      transaction(db, () => {
        if (!this.add(message)) throw new Error(`message ${message.id} already exists`);
        insertOutbox.run(message.id, message.account, message.timestamp);
      });
    },
    outbox(account: AccountId): ChatMessage[] {
      return (
        sql(
          db,
          `SELECT m.* FROM outbox o JOIN messages m ON m.id = o.message_id
        WHERE o.account = ? ORDER BY o.enqueued_at, m.id`,
        ).all(account) as unknown as RawMessage[]
      ).map(fromRaw);
    },
    /**
     * Marks a queued message as written to the stream. Without stream management that is all we will ever
     * know, so it leaves the outbox; with it, it stays until the server acknowledges it (markAcked).
     */
    markSent(id: MessageId, untilAcked = false): void {
      transaction(db, () => {
        sql(db, "UPDATE messages SET state = 'sent' WHERE id = ? AND state = 'queued'").run(id);
        if (!untilAcked) sql(db, 'DELETE FROM outbox WHERE message_id = ?').run(id);
      });
    },
    /** The server confirmed it has the message (XEP-0198): done with the outbox. */
    markAcked(id: MessageId): boolean {
      return transaction(db, () => {
        const changed =
          sql(db, "UPDATE messages SET state = 'acked' WHERE id = ? AND state IN ('queued', 'sent')").run(id)
            .changes === 1;
        sql(db, 'DELETE FROM outbox WHERE message_id = ?').run(id);
        return changed;
      });
    },
    /** A copy of one of our messages came back with the server's archive id: remember it on the stored one. */
    attachStanzaId(account: AccountId, peer: BareJid, originId: string, stanzaId: string): void {
      sql(
        db,
        `UPDATE OR IGNORE messages SET stanza_id = ? WHERE account = ? AND peer = ? AND origin_id = ? AND stanza_id IS NULL`,
      ).run(stanzaId, account, peer, originId);
    },
    earliestTimestamp(account: AccountId, peer: BareJid): number | undefined {
      const row = sql(db, 'SELECT min(ts) AS ts FROM messages WHERE account = ? AND peer = ?').get(account, peer) as {
        ts: number | null;
      };
      return row.ts ?? undefined;
    },
    latestTimestamp(account: AccountId, peer: BareJid): number | undefined {
      const row = sql(db, 'SELECT max(ts) AS ts FROM messages WHERE account = ? AND peer = ?').get(account, peer) as {
        ts: number | null;
      };
      return row.ts ?? undefined;
    },
    /** The archive id of the oldest stored message with a peer (where paging back into the archive starts). */
    oldestStanzaId(account: AccountId, peer: BareJid): string | undefined {
      const row = sql(
        db,
        `SELECT stanza_id FROM messages WHERE account = ? AND peer = ? AND stanza_id IS NOT NULL
        ORDER BY ts ASC, rowid ASC LIMIT 1`,
      ).get(account, peer) as { stanza_id: string } | undefined;
      return row?.stanza_id;
    },
    /** A message in a chat by its origin-id (what receipts, markers, corrections and retractions point at). */
    byOriginId(account: AccountId, peer: BareJid, originId: string, direction?: 'in' | 'out'): ChatMessage | undefined {
      const raw = sql(
        db,
        `SELECT * FROM messages WHERE account = ? AND peer = ? AND origin_id = ?${direction ? ' AND direction = ?' : ''} LIMIT 1`,
      ).get(...[account, peer, originId, ...(direction ? [direction] : [])]) as RawMessage | undefined;
      return raw ? fromRaw(raw) : undefined;
    },
    /** The message a reply or reaction points at: by stanza-id in rooms, else by its message id. */
    byReference(account: AccountId, peer: BareJid, ref: string, groupchat: boolean): ChatMessage | undefined {
      if (groupchat) return this.byStanzaId(account, peer, ref);
      const own = this.get(ref);
      return this.byOriginId(account, peer, ref) ?? (own?.account === account && own.peer === peer ? own : undefined);
    },
    byStanzaId(account: AccountId, peer: BareJid, stanzaId: string): ChatMessage | undefined {
      const raw = sql(db, 'SELECT * FROM messages WHERE account = ? AND peer = ? AND stanza_id = ? LIMIT 1').get(
        account,
        peer,
        stanzaId,
      ) as RawMessage | undefined;
      return raw ? fromRaw(raw) : undefined;
    },
    lastOutgoing(account: AccountId, peer: BareJid): ChatMessage | undefined {
      const raw = sql(
        db,
        "SELECT * FROM messages WHERE account = ? AND peer = ? AND direction = 'out' AND refused_correction = 0 ORDER BY ts DESC, rowid DESC LIMIT 1",
      ).get(account, peer) as RawMessage | undefined;
      return raw ? fromRaw(raw) : undefined;
    },
    /** Moves an outgoing message's state forward only (a late receipt never undoes a read marker). */
    advanceState(id: MessageId, state: DeliveryState): boolean {
      const current = this.get(id);
      if (!current || current.direction !== 'out' || DELIVERY_ORDER[state] <= DELIVERY_ORDER[current.state])
        return false;
      sql(db, 'UPDATE messages SET state = ? WHERE id = ?').run(state, id);
      return true;
    },
    /** Outgoing messages of a chat up to and including a timestamp that are not yet at `state`. */
    outgoingBefore(account: AccountId, peer: BareJid, timestamp: number, state: DeliveryState): ChatMessage[] {
      return (
        sql(
          db,
          "SELECT * FROM messages WHERE account = ? AND peer = ? AND direction = 'out' AND ts <= ? AND state IN ('sent', 'acked', 'delivered')",
        ).all(account, peer, timestamp) as unknown as RawMessage[]
      )
        .map(fromRaw)
        .filter((m) => DELIVERY_ORDER[m.state] < DELIVERY_ORDER[state]);
    },
    /** A new text for a message; an encrypted one takes the correction's own encryption record. */
    correct(id: MessageId, body: string, encryption?: MessageEncryption): void {
      if (encryption) {
        sql(db, 'UPDATE messages SET body = ?, edited = 1, encryption = ? WHERE id = ? AND retracted = 0').run(
          body,
          JSON.stringify(encryption),
          id,
        );
        return;
      }
      sql(db, 'UPDATE messages SET body = ?, edited = 1 WHERE id = ? AND retracted = 0').run(body, id);
    },
    /** An encrypted message retracted by a request in clear: hidden, its text kept for the details view. */
    retractInClear(id: MessageId, encryption: MessageEncryption): void {
      sql(db, 'UPDATE messages SET retracted = 1, encryption = ? WHERE id = ?').run(
        JSON.stringify({ ...encryption, retractedInClear: true }),
        id,
      );
    },
    retract(id: MessageId): void {
      sql(db, "UPDATE messages SET body = '', retracted = 1 WHERE id = ?").run(id);
    },
    /** An outgoing message that could not be encrypted: failed, out of the outbox, with the reason. */
    failEncryption(id: MessageId, encryption: MessageEncryption): void {
      transaction(db, () => {
        sql(db, "UPDATE messages SET encryption = ?, state = 'failed' WHERE id = ?").run(
          JSON.stringify(encryption),
          id,
        );
        sql(db, 'DELETE FROM outbox WHERE message_id = ?').run(id);
      });
    },
    /** A copy of this message is stored already (same origin-id or stanza-id in that chat). */
    hasCopy(account: AccountId, peer: BareJid, originId: string | undefined, stanzaId: string | undefined): boolean {
      // Two lookups, not one OR: each is then an index search, not a walk through the chat.
      const byOrigin = () =>
        sql(db, 'SELECT 1 FROM messages WHERE account = ? AND origin_id = ? AND peer = ? LIMIT 1').get(
          account,
          originId ?? null,
          peer,
        );
      const byStanza = () =>
        sql(db, 'SELECT 1 FROM messages WHERE account = ? AND stanza_id = ? AND peer = ? LIMIT 1').get(
          account,
          stanzaId ?? null,
          peer,
        );
      return (
        (originId !== undefined && byOrigin() !== undefined) || (stanzaId !== undefined && byStanza() !== undefined)
      );
    },
    setState(id: MessageId, state: DeliveryState): void {
      sql(db, 'UPDATE messages SET state = ? WHERE id = ?').run(state, id);
    },
    get(id: MessageId): ChatMessage | undefined {
      const raw = sql(db, 'SELECT * FROM messages WHERE id = ?').get(id) as RawMessage | undefined;
      return raw ? fromRaw(raw) : undefined;
    },
    /**
     * The newest `limit` messages before `before` (ms), oldest first. Messages with equal timestamps keep
     * the order they were stored in; `beforeId` (the oldest message already shown) continues inside such a tie.
     */
    history(account: AccountId, peer: BareJid, before: number, limit: number, beforeId?: MessageId): ChatMessage[] {
      const rows = sql(
        db,
        `SELECT * FROM messages WHERE account = ? AND peer = ?
        AND (ts < ? OR (ts = ? AND rowid < coalesce((SELECT rowid FROM messages WHERE id = ?), 0)))
        ORDER BY ts DESC, rowid DESC LIMIT ?`,
      ).all(account, peer, before, before, beforeId ?? null, limit) as unknown as RawMessage[];
      return rows.reverse().map(fromRaw);
    },
    count(account: AccountId, peer?: BareJid): number {
      const row = (
        peer
          ? sql(db, 'SELECT count(*) AS n FROM messages WHERE account = ? AND peer = ?').get(account, peer)
          : sql(db, 'SELECT count(*) AS n FROM messages WHERE account = ?').get(account)
      ) as { n: number };
      return row.n;
    },
  };
}
export type MessagesRepo = ReturnType<typeof createMessagesRepo>;
