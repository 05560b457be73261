// XEP-0199 XMPP Ping: answer pings, and ping others.
import { el } from '../../xmpp/stanza.ts';
import type { XmppModule } from '../../xmpp/module.ts';

export const NS_PING = 'urn:xmpp:ping';

export const ping: XmppModule<{ ping(to?: string): Promise<void> }> = {
  id: 'xep-0199',
  setup({ xmpp, disco }) {
    disco.addFeature(NS_PING);
    const off = xmpp.onIq('get', NS_PING, 'ping', () => undefined);
    return {
      ping: async (to) => {
        await xmpp.iq('get', to, el('ping', NS_PING), 10_000);
      },
      dispose: () => {
        off();
        disco.removeFeature(NS_PING);
      },
    };
  },
};
