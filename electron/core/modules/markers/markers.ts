// Delivery receipts (XEP-0184), read markers (XEP-0333) and typing notifications (XEP-0085).
// Receipts and markers go only to contacts who see our presence: strangers learn nothing.
import { randomUUID } from 'node:crypto';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { ChatState, MessageId } from '../../../../shared/model/message.ts';
import { CHAT_STATES } from '../../../../shared/model/message.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import { NS_CHATSTATES, NS_HINTS, NS_MARKERS, NS_RECEIPTS } from '../chat/chat.build.ts';
import { NS_CARBONS } from '../carbons/carbons.ts';
import { bodyOf } from '../../xmpp/body.ts';

const NS_FORWARD = 'urn:xmpp:forward:0';

export interface MarkersApi {
  markDisplayed(peer: BareJid, id: MessageId): Promise<void>;
  setChatState(peer: BareJid, state: ChatState): Promise<void>;
}

export const markers: XmppModule<MarkersApi> = {
  id: 'xep-0184-0333-0085-markers',
  setup({ account, xmpp, store, emit, disco, log, e2e }) {
    for (const ns of [NS_RECEIPTS, NS_MARKERS, NS_CHATSTATES]) disco.addFeature(ns);
    const sharesPresence = (jid: BareJid): boolean => {
      const item = store.roster.get(account, jid);
      return item?.subscription === 'from' || item?.subscription === 'both';
    };
    const advance = (id: MessageId, state: 'delivered' | 'read'): void => {
      if (store.messages.advanceState(id, state)) emit('message.updated', { account, id, state });
    };

    const onPeerMessage = (stanza: Element, peer: BareJid): void => {
      const receipt = stanza.getChild('received', NS_RECEIPTS)?.attrs.id;
      if (receipt) {
        const ours = store.messages.byOriginId(account, peer, receipt, 'out');
        if (ours) advance(ours.id, 'delivered');
      }
      const displayed = stanza.getChild('displayed', NS_MARKERS)?.attrs.id;
      if (displayed) {
        const ours = store.messages.byOriginId(account, peer, displayed, 'out');
        if (ours)
          for (const m of [...store.messages.outgoingBefore(account, peer, ours.timestamp, 'read'), ours])
            advance(m.id, 'read');
      }
      const state = CHAT_STATES.find((s) => stanza.getChild(s, NS_CHATSTATES));
      if (state) emit('chat.stateChanged', { account, peer, state });
      else if (bodyOf(stanza)) emit('chat.stateChanged', { account, peer, state: 'active' });

      const wantsReceipt = stanza.getChild('request', NS_RECEIPTS) && stanza.attrs.id && bodyOf(stanza);
      if (wantsReceipt && stanza.attrs.from && sharesPresence(peer)) {
        xmpp
          .send(
            xml(
              'message',
              { to: stanza.attrs.from, id: randomUUID() },
              el('received', NS_RECEIPTS, { id: stanza.attrs.id }),
            ),
          )
          .catch(() => undefined);
      }
    };

    const offMessage = xmpp.onMessage((stanza) => {
      const own = xmpp.bareJid;
      const from = toBareJid(stanza.attrs.from ?? '');
      if (!own || !from || stanza.attrs.type === 'error' || stanza.attrs.type === 'groupchat') return;
      if (from === own) {
        // Our other device showed a chat (its marker, carbon-copied to us): that chat is read here too.
        const inner =
          stanza.attrs.from === own
            ? stanza.getChild('sent', NS_CARBONS)?.getChild('forwarded', NS_FORWARD)?.getChild('message')
            : undefined;
        const peer = toBareJid(inner?.attrs.to ?? '');
        if (inner?.getChild('displayed', NS_MARKERS) && peer) emit('chat.read', { account, peer });
        return;
      }
      // A marker can refer to a message still being decrypted: handled after it.
      if (e2e) e2e.afterPending(() => onPeerMessage(stanza, from));
      else onPeerMessage(stanza, from);
    });

    return {
      markDisplayed: async (peer, id) => {
        const message = store.messages.get(id);
        if (
          !message ||
          message.account !== account ||
          message.peer !== peer ||
          message.direction !== 'in' ||
          !message.originId
        )
          return;
        if (!sharesPresence(peer) || !xmpp.online) return;
        await xmpp.send(
          xml(
            'message',
            { to: peer, type: 'chat', id: randomUUID() },
            el('displayed', NS_MARKERS, { id: message.originId }),
            el('store', NS_HINTS),
          ),
        );
      },
      setChatState: async (peer, state) => {
        if (!xmpp.online || !sharesPresence(peer)) return;
        await xmpp
          .send(
            xml(
              'message',
              { to: peer, type: 'chat', id: randomUUID() },
              el(state, NS_CHATSTATES),
              el('no-store', NS_HINTS),
            ),
          )
          .catch((error: unknown) => log.debug('chat state not sent', { error: String(error) }));
      },
      dispose: () => {
        offMessage();
        for (const ns of [NS_RECEIPTS, NS_MARKERS, NS_CHATSTATES]) disco.removeFeature(ns);
      },
    };
  },
};
