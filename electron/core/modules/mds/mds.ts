// XEP-0490 Message Displayed Synchronization: how far each chat was read is published to our own
// PEP node, so every device of ours clears the unread count of a chat read on any of them.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { ownNotification, publishPrivateItem } from '../../xmpp/pep.ts';
import { el, xml } from '../../xmpp/stanza.ts';
import { NS_SID } from '../chat/chat.parse.ts';

export const NS_MDS = 'urn:xmpp:mds:displayed:0';

export interface MdsApi {
  /** Publishes that the chat with `peer` was read up to the message with this archive id. */
  publish(peer: BareJid, stanzaId: string): Promise<void>;
}

export const mds: XmppModule<MdsApi> = {
  id: 'xep-0490-mds',
  setup({ account, xmpp, emit, disco, log }) {
    disco.addFeature(`${NS_MDS}+notify`);
    const offMessage = xmpp.onMessage((stanza) => {
      const items = ownNotification(stanza, NS_MDS, xmpp, log);
      for (const item of items?.getChildren('item') ?? []) {
        const peer = toBareJid(item.attrs.id ?? '');
        if (peer && item.getChild('displayed', NS_MDS)) emit('chat.read', { account, peer });
      }
    });
    return {
      publish: async (peer, stanzaId) => {
        const own = xmpp.bareJid;
        if (!own || !xmpp.online) return;
        const item = xml(
          'item',
          { id: peer },
          el('displayed', NS_MDS, {}, el('stanza-id', NS_SID, { by: own, id: stanzaId })),
        );
        try {
          await publishPrivateItem(xmpp, NS_MDS, item);
        } catch (error) {
          log.info('could not publish displayed-sync', { error: String(error) });
        }
      },
      dispose: () => {
        offMessage();
        disco.removeFeature(`${NS_MDS}+notify`);
      },
    };
  },
};
