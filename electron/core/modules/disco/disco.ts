// XEP-0030 Service Discovery: answer disco#info with what the modules registered, and the
// XEP-0115 capabilities hash of it for our presence (how PEP knows which notifications we want).
import { createHash } from 'node:crypto';
import { el } from '../../xmpp/stanza.ts';
import type { DiscoRegistry } from '../../xmpp/module.ts';
import type { Connection } from '../../account/connection.ts';

export const NS_DISCO_INFO = 'http://jabber.org/protocol/disco#info';
export const CLIENT_NAME = 'JabberDesk';
/** What we answer to XEP-0092 (kept equal to package.json's version by a unit test). */
export const CLIENT_VERSION = '0.1.0';
export const CAPS_NODE = 'https://jabberdesk.app';
const IDENTITY = { category: 'client', type: 'pc', lang: '', name: CLIENT_NAME };

/** XEP-0115 §5.1: identities then features, each followed by '<', SHA-1, base64. */
export function capsVer(features: readonly string[], identity: typeof IDENTITY = IDENTITY): string {
  const text = `${identity.category}/${identity.type}/${identity.lang}/${identity.name}<${[...features]
    .sort()
    .map((f) => `${f}<`)
    .join('')}`;
  return createHash('sha1').update(text, 'utf8').digest('base64');
}

export function createDiscoResponder(xmpp: Connection): DiscoRegistry & { dispose(): void; features(): string[] } {
  const features = new Set<string>([NS_DISCO_INFO]);
  const off = xmpp.onIq('get', NS_DISCO_INFO, 'query', (stanza) => {
    const node = stanza.getChild('query', NS_DISCO_INFO)?.attrs.node;
    return el(
      'query',
      NS_DISCO_INFO,
      node ? { node } : {},
      el('identity', NS_DISCO_INFO, { category: 'client', type: 'pc', name: CLIENT_NAME }),
      ...[...features].sort().map((v) => el('feature', NS_DISCO_INFO, { var: v })),
    );
  });
  return {
    addFeature: (ns) => {
      features.add(ns);
    },
    removeFeature: (ns) => {
      features.delete(ns);
    },
    features: () => [...features].sort(),
    caps: () => ({ node: CAPS_NODE, ver: capsVer([...features]) }),
    dispose: off,
  };
}
