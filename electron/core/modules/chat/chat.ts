// RFC 6121 §5 one-to-one chat with XEP-0359 ids, resource locking and a persistent outbox.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { ChatMessage } from '../../../../shared/model/message.ts';
import { NotConnectedError } from '../../account/connection.ts';
import { createMessageService } from '../../services/messages.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { parsePresence } from '../presence/presence.parse.ts';
import { buildChatMessage } from './chat.build.ts';
import { NS_SID, parseChatMessage } from './chat.parse.ts';

export interface ChatApi {
  send(to: BareJid, body: string): Promise<ChatMessage>;
  /** Sends everything queued, in order; safe to call at any time (runs one at a time). */
  flushOutbox(): Promise<void>;
}

export const chat: XmppModule<ChatApi> = {
  id: 'rfc6121-chat',
  setup({ account, xmpp, lifecycle, disco, store, emit, log }) {
    const messages = createMessageService(account, store, emit);
    const lockedResource = new Map<BareJid, string>();
    let flushing: Promise<void> = Promise.resolve();
    disco.addFeature(NS_SID);

    const flushNow = async (): Promise<void> => {
      for (const message of store.messages.outbox(account)) {
        if (!xmpp.online) return;
        const resource = lockedResource.get(message.peer);
        try {
          await xmpp.send(buildChatMessage(message, resource ? `${message.peer}/${resource}` : message.peer));
        } catch (error) {
          if (error instanceof NotConnectedError) return;
          throw error;
        }
        messages.markSent(message.id);
      }
    };
    const flushOutbox = (): Promise<void> => {
      flushing = flushing.then(flushNow).catch((error: unknown) => log.warn('outbox flush failed', { error: String(error) }));
      return flushing;
    };

    const offMessage = xmpp.onMessage((stanza) => {
      const own = xmpp.bareJid;
      const parsed = own ? parseChatMessage(stanza, own) : undefined;
      if (!parsed) return;
      if (parsed.kind === 'error') {
        const original = store.messages.get(parsed.id);
        if (original?.direction === 'out' && original.peer === parsed.peer) messages.setState(original.id, 'failed');
        return;
      }
      if (parsed.resource) lockedResource.set(parsed.peer, parsed.resource);
      messages.ingest({
        peer: parsed.peer, direction: 'in', from: parsed.from, body: parsed.body, timestamp: parsed.timestamp ?? Date.now(), state: 'received',
        ...(parsed.originId ? { originId: parsed.originId } : {}), ...(parsed.stanzaId ? { stanzaId: parsed.stanzaId } : {}),
      });
    });

    // Unlock when the locked resource goes away, so the next message goes to the bare JID again.
    const offPresence = xmpp.onPresence((stanza) => {
      const event = parsePresence(stanza);
      if (event?.kind !== 'unavailable') return;
      if (event.resource === undefined || lockedResource.get(event.jid) === event.resource) lockedResource.delete(event.jid);
    });
    const offOffline = lifecycle.onOffline(() => lockedResource.clear());
    const offOnline = lifecycle.onOnline(() => { void flushOutbox(); });

    return {
      send: async (to, body) => {
        const message = messages.queue(to, body, xmpp.jid ?? account);
        if (xmpp.online) await flushOutbox();
        return store.messages.get(message.id) ?? message;
      },
      flushOutbox,
      dispose: () => { offMessage(); offPresence(); offOffline(); offOnline(); disco.removeFeature(NS_SID); },
    };
  },
};
