// XEP-0030 Service Discovery: answer disco#info with what the modules registered.
import { el } from '../../xmpp/stanza.ts';
import type { DiscoRegistry } from '../../xmpp/module.ts';
import type { Connection } from '../../account/connection.ts';

export const NS_DISCO_INFO = 'http://jabber.org/protocol/disco#info';
export const CLIENT_NAME = 'JabberDesk';

export function createDiscoResponder(xmpp: Connection): DiscoRegistry & { dispose(): void; features(): string[] } {
  const features = new Set<string>([NS_DISCO_INFO]);
  const off = xmpp.onIq('get', NS_DISCO_INFO, 'query', (stanza) => {
    const node = stanza.getChild('query', NS_DISCO_INFO)?.attrs.node;
    return el('query', NS_DISCO_INFO, node ? { node } : {},
      el('identity', NS_DISCO_INFO, { category: 'client', type: 'pc', name: CLIENT_NAME }),
      ...[...features].sort().map((v) => el('feature', NS_DISCO_INFO, { var: v })));
  });
  return {
    addFeature: (ns) => { features.add(ns); },
    removeFeature: (ns) => { features.delete(ns); },
    features: () => [...features].sort(),
    dispose: off,
  };
}
