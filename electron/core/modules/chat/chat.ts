// RFC 6121 §5 one-to-one chat with XEP-0359 ids, resource locking and a persistent outbox.
import { wireBody } from '../../services/relationsOut.ts';
import type { ReplyTo } from '../../../../shared/model/message.ts';
import { relationsOf } from '../../xmpp/relations.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { ChatMessage } from '../../../../shared/model/message.ts';
import { NotConnectedError } from '../../account/connection.ts';
import { createMessageService } from '../../services/messages.ts';
import { type ModuleContext, sealedWith } from '../../xmpp/module.ts';
import { parsePresence } from '../presence/presence.parse.ts';
import { buildChatMessage, chatExtensions } from './chat.build.ts';
import { NS_SID, parseChatMessage } from './chat.parse.ts';

const NS_MUC_USER = 'http://jabber.org/protocol/muc#user';

export interface ChatApi {
  /** With `oobUrl`, the body is a shared file's URL (XEP-0066). */
  send(to: BareJid, body: string, oobUrl?: string, replyTo?: ReplyTo): Promise<ChatMessage>;
  /** Sends everything queued, in order; safe to call at any time (runs one at a time). */
  flushOutbox(): Promise<void>;
}

/** `occupantJid`: a room occupant's real JID, when the room shows it (whose devices encrypted a private message). */
export function setupChat(
  { account, xmpp, lifecycle, disco, store, emit, log, e2e }: ModuleContext,
  occupantJid: (room: BareJid, nick: string) => BareJid | undefined,
): ChatApi & { dispose(): void } {
  {
    const messages = createMessageService(account, store, emit);
    const lockedResource = new Map<BareJid, string>();
    /** Written on the current stream-managed session and not yet acknowledged: stream management resends these. */
    const inFlight = new Set<string>();
    let flushing: Promise<void> = Promise.resolve();
    disco.addFeature(NS_SID);

    const flushNow = async (): Promise<void> => {
      for (const message of store.messages.outbox(account)) {
        if (!xmpp.online) return;
        if (inFlight.has(message.id)) continue;
        const resource = lockedResource.get(message.peer);
        const managed = xmpp.streamManaged;
        if (managed) inFlight.add(message.id);
        let stanza;
        try {
          const protocol = sealedWith(message.encryption);
          const sealed =
            protocol && e2e
              ? await e2e.seal([message.peer], wireBody(message), protocol, chatExtensions(message))
              : undefined;
          stanza = buildChatMessage(message, resource ? `${message.peer}/${resource}` : message.peer, sealed);
        } catch (error) {
          // Never sent in clear: an encrypted message that cannot be encrypted now fails and says why.
          inFlight.delete(message.id);
          log.info('an encrypted message could not be encrypted', { error: String(error) });
          const encryption = {
            protocol: 'omemo' as const,
            ...message.encryption,
            error: error instanceof Error ? error.message : String(error),
          };
          store.messages.failEncryption(message.id, encryption);
          emit('message.changed', { ...message, state: 'failed', encryption });
          continue;
        }
        try {
          await xmpp.send(stanza);
        } catch (error) {
          // The stream went away under us (not connected, or the socket closed mid-write): the message
          // stays in the outbox and goes out on the next session or resumption.
          inFlight.delete(message.id);
          if (!(error instanceof NotConnectedError)) log.debug('outbox flush stopped', { error: String(error) });
          return;
        }
        messages.markSent(message.id, managed);
      }
    };
    // A message the server acknowledged is safe: out of the outbox, shown as acknowledged.
    const offAcked = xmpp.onAcked((stanza) => {
      const id = stanza.name === 'message' ? stanza.attrs.id : undefined;
      if (!id || !inFlight.delete(id)) return;
      messages.markAcked(id);
    });
    const flushOutbox = (): Promise<void> => {
      flushing = flushing
        .then(flushNow)
        .catch((error: unknown) => log.warn('outbox flush failed', { error: String(error) }));
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
      // A private message from a room occupant (XEP-0045 §7.5) is its own conversation, with room/nick.
      const privateInRoom = stanza.getChild('x', NS_MUC_USER) !== undefined && parsed.resource !== undefined;
      const peer = privateInRoom ? (parsed.from as BareJid) : parsed.peer;
      if (parsed.resource && !privateInRoom) lockedResource.set(parsed.peer, parsed.resource);
      const record = {
        peer,
        direction: 'in' as const,
        from: parsed.from,
        body: parsed.body,
        timestamp: parsed.timestamp ?? Date.now(),
        state: 'received' as const,
        ...(parsed.originId ? { originId: parsed.originId } : {}),
        ...(parsed.stanzaId ? { stanzaId: parsed.stanzaId } : {}),
        replaces: parsed.replaces,
        retracts: parsed.retracts,
        ...(parsed.oobUrl ? { oobUrl: parsed.oobUrl } : {}),
        relations: relationsOf(stanza),
      };
      // A private message in a room is encrypted by the occupant's real account (when the room shows it).
      const sender = privateInRoom ? occupantJid(parsed.peer, parsed.resource ?? '') : parsed.peer;
      if (parsed.encrypted && e2e && sender) void e2e.receive(stanza, sender, record, (r) => messages.ingest(r));
      else if (parsed.encrypted && e2e)
        e2e.afterPending(() =>
          messages.ingest({
            ...record,
            body: '',
            encryption: { protocol: 'omemo', error: 'the room does not show who sent it, so it cannot be decrypted' },
          }),
        );
      else if (e2e)
        e2e.afterPending(() => messages.ingest(record)); // in order with those being decrypted
      else messages.ingest(record);
    });

    // Unlock when the locked resource goes away, so the next message goes to the bare JID again.
    const offPresence = xmpp.onPresence((stanza) => {
      const event = parsePresence(stanza);
      if (event?.kind !== 'unavailable') return;
      if (event.resource === undefined || lockedResource.get(event.jid) === event.resource)
        lockedResource.delete(event.jid);
    });
    // A new session (not a resumed one): whatever was in flight on the old one may be lost, so the
    // outbox sends it again with the same origin-id, which receivers de-duplicate on.
    const offOffline = lifecycle.onOffline(() => {
      lockedResource.clear();
      inFlight.clear();
    });
    const offOnline = lifecycle.onOnline(() => {
      inFlight.clear();
      void flushOutbox();
    });
    const offResumed = lifecycle.onResumed(() => {
      void flushOutbox();
    });

    return {
      send: async (to, body, oobUrl, replyTo) => {
        // Checked before queueing: a message meant to be encrypted is never sent in clear.
        const protocol = e2e ? await e2e.protocolFor(to) : undefined;
        // Offline, the devices cannot be looked up: the message waits in the outbox and is encrypted when it goes.
        const encryption =
          e2e && protocol ? (xmpp.online ? await e2e.prepare([to], protocol) : e2e.origin(protocol)) : undefined;
        const message = messages.queue(to, body, xmpp.jid ?? account, {
          ...(oobUrl ? { oobUrl } : {}),
          ...(encryption ? { encryption } : {}),
          ...(replyTo ? { replyTo } : {}),
        });
        if (xmpp.online) await flushOutbox();
        return store.messages.get(message.id) ?? message;
      },
      flushOutbox,
      dispose: () => {
        offMessage();
        offPresence();
        offOffline();
        offOnline();
        offResumed();
        offAcked();
        disco.removeFeature(NS_SID);
      },
    };
  }
}
