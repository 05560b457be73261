// XEP-0191 Blocking Command: the server's blocklist, kept current by its pushes (from our server only).
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';

export const NS_BLOCKING = 'urn:xmpp:blocking';

export interface BlockingApi {
  list(): BareJid[];
  block(jid: BareJid): Promise<void>;
  unblock(jid: BareJid): Promise<void>;
}

const itemsOf = (element: Element | undefined): BareJid[] =>
  (element?.getChildren('item') ?? []).flatMap((i) => {
    const jid = toBareJid(i.attrs.jid ?? '');
    return jid ? [jid] : [];
  });

export const blocking: XmppModule<BlockingApi> = {
  id: 'xep-0191-blocking',
  setup({ account, xmpp, lifecycle, emit, log }) {
    let blocked = new Set<BareJid>();
    const changed = (): void => emit('blocklist.changed', { account, jids: [...blocked].sort() });

    const offOnline = lifecycle.onOnline(async () => {
      try {
        const answer = await xmpp.iq('get', undefined, el('blocklist', NS_BLOCKING));
        blocked = new Set(itemsOf(answer.getChild('blocklist', NS_BLOCKING)));
        changed();
      } catch (error) {
        log.info('no blocklist from the server', { error: String(error) });
      }
    });
    const push =
      (kind: 'block' | 'unblock') =>
      (stanza: Element): undefined => {
        if (!xmpp.isOwnServer(stanza.attrs.from)) throw new StanzaError('service-unavailable', 'cancel', '');
        const items = itemsOf(stanza.getChild(kind, NS_BLOCKING));
        if (kind === 'block') for (const jid of items) blocked.add(jid);
        else if (items.length === 0) blocked.clear();
        else for (const jid of items) blocked.delete(jid);
        changed();
        return undefined;
      };
    const offBlock = xmpp.onIq('set', NS_BLOCKING, 'block', push('block'));
    const offUnblock = xmpp.onIq('set', NS_BLOCKING, 'unblock', push('unblock'));
    const request = async (kind: 'block' | 'unblock', jid: BareJid): Promise<void> => {
      await xmpp.iq('set', undefined, el(kind, NS_BLOCKING, {}, xml('item', { jid })));
      if (kind === 'block') blocked.add(jid);
      else blocked.delete(jid);
      changed();
    };

    return {
      list: () => [...blocked].sort(),
      block: (jid) => request('block', jid),
      unblock: (jid) => request('unblock', jid),
      dispose: () => {
        offOnline();
        offBlock();
        offUnblock();
      },
    };
  },
};
