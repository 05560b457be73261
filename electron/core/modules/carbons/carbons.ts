// XEP-0280 Message Carbons: copies of what our other devices send and receive. A carbon counts only
// when our own server wraps it, i.e. it comes from our own bare JID; anything else is a spoof.
import { relationsOf } from '../../xmpp/relations.ts';
import { createMessageService } from '../../services/messages.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { el } from '../../xmpp/stanza.ts';
import { parseForwardedChat } from '../chat/chat.parse.ts';

export const NS_CARBONS = 'urn:xmpp:carbons:2';
const NS_FORWARD = 'urn:xmpp:forward:0';

export const carbons: XmppModule<Record<never, never>> = {
  id: 'xep-0280-carbons',
  setup({ account, xmpp, lifecycle, store, emit, log, e2e }) {
    const messages = createMessageService(account, store, emit);
    const offOnline = lifecycle.onOnline(async () => {
      try {
        await xmpp.iq('set', undefined, el('enable', NS_CARBONS));
      } catch (error) {
        log.info('the server did not enable carbons', { error: String(error) });
      }
    });
    const offMessage = xmpp.onMessage((stanza) => {
      const wrapper = stanza.getChild('received', NS_CARBONS) ?? stanza.getChild('sent', NS_CARBONS);
      if (!wrapper) return;
      const own = xmpp.bareJid;
      if (!own || stanza.attrs.from !== own) {
        log.warn('dropped a carbon that did not come from our own account', { from: stanza.attrs.from });
        return;
      }
      const inner = wrapper.getChild('forwarded', NS_FORWARD)?.getChild('message');
      if (inner?.getChild('private', NS_CARBONS)) return;
      const parsed = parseForwardedChat(inner, own);
      if (!parsed) return;
      const sentByUs = wrapper.name === 'sent';
      if (sentByUs !== (parsed.direction === 'out')) {
        log.warn('dropped a carbon whose direction does not match its sender', { kind: wrapper.name });
        return;
      }
      const record = {
        peer: parsed.peer,
        direction: parsed.direction,
        from: parsed.from,
        body: parsed.body,
        timestamp: parsed.timestamp ?? Date.now(),
        state: sentByUs ? ('acked' as const) : ('received' as const),
        ...(parsed.originId ? { originId: parsed.originId } : {}),
        ...(parsed.stanzaId ? { stanzaId: parsed.stanzaId } : {}),
        replaces: parsed.replaces,
        retracts: parsed.retracts,
        ...(parsed.oobUrl ? { oobUrl: parsed.oobUrl } : {}),
        relations: inner ? relationsOf(inner) : {},
      };
      // Our other device's message was encrypted for us too: its sender is our own account.
      if (parsed.encrypted && e2e && inner)
        void e2e.receive(inner, sentByUs ? own : parsed.peer, record, (r) => messages.ingest(r));
      else if (e2e) e2e.afterPending(() => messages.ingest(record));
      else messages.ingest(record);
    });
    return {
      dispose: () => {
        offOnline();
        offMessage();
      },
    };
  },
};
