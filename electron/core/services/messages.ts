// The end of the incoming path and the start of the outgoing one: dedupe, store, emit.
import { randomUUID } from 'node:crypto';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { ChatMessage, DeliveryState, MessageId } from '../../../shared/model/message.ts';
import type { CoreEmitter } from '../events.ts';
import type { Store } from '../store/index.ts';
import { editSealedLikeOriginal } from './editPolicy.ts';
import { type Relations, stripFallback } from '../xmpp/relations.ts';
import { withOtrMarker } from './otr.ts';

/**
 * Delay and archive stamps often come in whole seconds, while live messages get the clock's
 * milliseconds: a stamped message placed at the start of its second would sort before a live one
 * that arrived earlier within that second. Such a stamp means "some time in this second", so it
 * is placed after what the chat already holds, without leaving that second.
 */
export function withinStampedSecond(timestamp: number, latestInChat: number | undefined): number {
  if (timestamp % 1000 !== 0 || latestInChat === undefined) return timestamp;
  return Math.max(timestamp, Math.min(latestInChat, timestamp + 999));
}

/** A message as it arrived, before it is stored (corrections and retractions point at their target). */
export type IncomingRecord = Omit<ChatMessage, 'id' | 'account'> & {
  replaces?: string | undefined;
  retracts?: string | undefined;
  /** Replies and reactions as the stanza stated them (applied here, after any decryption). */
  relations?: Relations;
};

/** Who reacted, as reactions are kept: ourselves, the room's occupant-id (else real JID, else nick), or the contact. */
function reactionSender(message: IncomingRecord): { sender: string; name: string; own: boolean } {
  if (message.direction === 'out') return { sender: '', name: '', own: true };
  if (message.groupchat)
    return {
      sender: message.occupantId ?? message.senderJid ?? `nick:${message.from}`,
      name: message.from,
      own: false,
    };
  return { sender: message.peer, name: message.peer, own: false };
}

/** The reply reference kept on the message, and its fallback quote taken out of the text. */
function withReply<T extends Pick<ChatMessage, 'body' | 'replyTo'>>(message: T, relations: Relations): T {
  if (!relations.reply) return message;
  const { body, quoted } = stripFallback(message.body, relations.replyFallback);
  const quote = quoted.trim();
  return { ...message, body, replyTo: { ...relations.reply, ...(quote ? { quote } : {}) } };
}

export function createMessageService(account: AccountId, store: Store, emit: CoreEmitter['emit']) {
  return {
    /**
     * Stores a message once, whichever way it came (live, carbon, archive): a copy already stored by
     * stanza-id or origin-id is not added again, but lends the stored one its archive id. False for a copy.
     */
    ingest(incoming: IncomingRecord, exactTimestamp = false): boolean {
      const message = incoming.direction === 'in' ? withOtrMarker(incoming) : incoming;
      const { replaces, retracts, relations, ...rest } = message;
      if (relations?.reactions) {
        this.react(message, relations.reactions);
        return false;
      }
      const plain = relations?.reply ? withReply(rest, relations) : rest;
      // A correction or retraction applies only to a message of the same sender in the same chat.
      const target = replaces ?? retracts;
      const original = target ? store.messages.byOriginId(account, message.peer, target, message.direction) : undefined;
      const sealed = original ? editSealedLikeOriginal(original, message.encryption) : true;
      if (retracts) {
        if (original && !original.retracted && sealed) {
          store.messages.retract(original.id);
          emit('message.changed', { ...original, body: '', retracted: true });
        } else if (original?.encryption && !original.retracted) {
          // Hidden, not deleted: the request may be forged, the text stays in the message's details.
          const encryption = { ...original.encryption, retractedInClear: true };
          store.messages.retractInClear(original.id, original.encryption);
          emit('message.changed', { ...original, retracted: true, encryption });
        }
        return false;
      }
      if (original && !sealed) {
        // Never applied to text under a padlock: shown as a message of its own, visibly unencrypted.
        return this.store({ ...plain, refusedCorrection: true }, exactTimestamp);
      }
      if (original) {
        if (!original.retracted && original.body !== message.body) {
          store.messages.correct(original.id, message.body, message.encryption);
          const encryption = message.encryption ?? original.encryption;
          emit('message.changed', {
            ...original,
            body: message.body,
            edited: true,
            ...(encryption ? { encryption } : {}),
          });
        }
        return false;
      }
      return this.store({ ...plain, ...(replaces ? { edited: true } : {}) }, exactTimestamp);
    },
    /** A person's whole set of reactions to a message replaces their previous one (an older replay changes nothing). */
    react(message: IncomingRecord, reactions: { id: string; emojis: string[] }): void {
      const target = store.messages.byReference(account, message.peer, reactions.id, message.groupchat === true);
      const who = reactionSender(message);
      if (!target) {
        store.reactions.park(
          account,
          message.peer,
          reactions.id,
          { ...who, emojis: reactions.emojis },
          message.timestamp,
        );
        return;
      }
      if (store.reactions.set(target.id, { ...who, emojis: reactions.emojis }, message.timestamp))
        emit('message.changed', { ...target, reactions: store.reactions.of([target.id]).get(target.id) ?? [] });
    },
    store(message: Omit<ChatMessage, 'id' | 'account'> & { id?: string }, exactTimestamp = false): boolean {
      const wholeSecond = !exactTimestamp && message.timestamp % 1000 === 0;
      const timestamp = wholeSecond
        ? withinStampedSecond(message.timestamp, store.messages.latestTimestamp(account, message.peer))
        : message.timestamp;
      const full: ChatMessage = { ...message, timestamp, id: message.id ?? randomUUID(), account };
      const stored = store.messages.add(full);
      if (stored) {
        emit('message.added', full);
        const refs = full.groupchat ? [full.stanzaId] : [full.originId, full.id];
        const ids = refs.filter((r): r is string => r !== undefined);
        if (store.reactions.claim(account, full.peer, ids, full.id))
          emit('message.changed', { ...full, reactions: store.reactions.of([full.id]).get(full.id) ?? [] });
      } else if (message.originId && message.stanzaId)
        store.messages.attachStanzaId(account, message.peer, message.originId, message.stanzaId);
      return stored;
    },
    /** A new outgoing message, stored with its outbox entry before anything touches the network. */
    queue(
      peer: BareJid,
      body: string,
      from: string,
      extra: Pick<ChatMessage, 'oobUrl' | 'encryption' | 'replyTo'> = {},
    ): ChatMessage {
      const id = randomUUID();
      const message: ChatMessage = {
        id,
        account,
        peer,
        direction: 'out',
        from,
        body,
        timestamp: Date.now(),
        state: 'queued',
        originId: id,
        ...extra,
      };
      store.messages.enqueue(message);
      emit('message.added', message);
      return message;
    },
    markSent(id: MessageId, untilAcked = false): void {
      store.messages.markSent(id, untilAcked);
      if (store.messages.get(id)?.state === 'sent') emit('message.updated', { account, id, state: 'sent' });
    },
    markAcked(id: MessageId): void {
      if (store.messages.markAcked(id)) emit('message.updated', { account, id, state: 'acked' });
    },
    setState(id: MessageId, state: DeliveryState): void {
      store.messages.setState(id, state);
      emit('message.updated', { account, id, state });
    },
  };
}
export type MessageService = ReturnType<typeof createMessageService>;
