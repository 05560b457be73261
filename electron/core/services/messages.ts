// The end of the incoming path and the start of the outgoing one: dedupe, store, emit.
import { randomUUID } from 'node:crypto';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { ChatMessage, DeliveryState, MessageId } from '../../../shared/model/message.ts';
import type { CoreEmitter } from '../events.ts';
import type { Store } from '../store/index.ts';

export function createMessageService(account: AccountId, store: Store, emit: CoreEmitter['emit']) {
  return {
    /** Stores an incoming message once (by stanza-id/origin-id) and tells the UI; false for a duplicate. */
    ingest(message: Omit<ChatMessage, 'id' | 'account'>): boolean {
      const full: ChatMessage = { ...message, id: randomUUID(), account };
      const stored = store.messages.add(full);
      if (stored) emit('message.added', full);
      return stored;
    },
    /** A new outgoing message, stored with its outbox entry before anything touches the network. */
    queue(peer: BareJid, body: string, from: string): ChatMessage {
      const id = randomUUID();
      const message: ChatMessage = { id, account, peer, direction: 'out', from, body, timestamp: Date.now(), state: 'queued', originId: id };
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
