// XEP-0490 Message Displayed Synchronization: how far each chat was read is published to our own
// PEP node, so every device of ours clears the unread count of a chat read on any of them.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import { NS_SID } from '../chat/chat.parse.ts';

export const NS_MDS = 'urn:xmpp:mds:displayed:0';
const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const NS_DATA = 'jabber:x:data';

export interface MdsApi {
  /** Publishes that the chat with `peer` was read up to the message with this archive id. */
  publish(peer: BareJid, stanzaId: string): Promise<void>;
}

const field = (name: string, value: string): Element => xml('field', { var: name }, xml('value', {}, value));

export const mds: XmppModule<MdsApi> = {
  id: 'xep-0490-mds',
  setup({ account, xmpp, emit, disco, log }) {
    disco.addFeature(`${NS_MDS}+notify`);
    const offMessage = xmpp.onMessage((stanza) => {
      const items = stanza.getChild('event', NS_PUBSUB_EVENT)?.getChild('items');
      if (items?.attrs.node !== NS_MDS) return;
      if (stanza.attrs.from !== undefined && stanza.attrs.from !== xmpp.bareJid) {
        log.warn('dropped a displayed-sync notification from someone else', { from: stanza.attrs.from });
        return;
      }
      for (const item of items.getChildren('item')) {
        const peer = toBareJid(item.attrs.id ?? '');
        if (peer && item.getChild('displayed', NS_MDS)) emit('chat.read', { account, peer });
      }
    });
    return {
      publish: async (peer, stanzaId) => {
        const own = xmpp.bareJid;
        if (!own || !xmpp.online) return;
        const options = el('x', NS_DATA, { type: 'submit' },
          xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, `${NS_PUBSUB}#publish-options`)),
          field('pubsub#persist_items', 'true'), field('pubsub#max_items', 'max'),
          field('pubsub#send_last_published_item', 'never'), field('pubsub#access_model', 'whitelist'));
        const item = xml('item', { id: peer }, el('displayed', NS_MDS, {}, el('stanza-id', NS_SID, { by: own, id: stanzaId })));
        try {
          await xmpp.iq('set', undefined, el('pubsub', NS_PUBSUB, {}, xml('publish', { node: NS_MDS }, item), xml('publish-options', {}, options)));
        } catch (error) {
          log.info('could not publish displayed-sync', { error: String(error) });
        }
      },
      dispose: () => { offMessage(); disco.removeFeature(`${NS_MDS}+notify`); },
    };
  },
};
