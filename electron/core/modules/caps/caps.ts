// XEP-0115 entity capabilities of contacts' resources: a presence names a `ver`; its disco#info is asked
// once, kept only when it hashes to that ver, and remembered across runs, so a client named by its hash is
// never asked again. One question per ver at a time; a ver whose answer did not match is not asked again.
import type { DiscoInfo } from '../../../../shared/model/disco.ts';
import { NS_DISCO_INFO } from '../disco/disco.ts';
import { parseDiscoInfo } from '../disco/queries.ts';
import type { ModuleContext } from '../../xmpp/module.ts';
import { el } from '../../xmpp/stanza.ts';
import { capsHash } from './capsHash.ts';
import { type BareJid, bareOf, type FullJid } from '../../../../shared/model/jid.ts';

const NS_CAPS = 'http://jabber.org/protocol/caps';
const NS_MUC_USER = 'http://jabber.org/protocol/muc#user';
const MAX_RESOURCES = 20_000;
const MAX_REFUSED = 1000;

export interface CapsApi {
  /** What a contact's resource can do, when its caps are known and verified. */
  of(fullJid: string): DiscoInfo | undefined;
}

export function setupCaps(ctx: ModuleContext): CapsApi & { dispose(): void } {
  const { account, xmpp, store, emit, log, lifecycle } = ctx;
  const verOf = new Map<string, string>();
  const asking = new Set<string>();
  const refused = new Set<string>();

  const learn = async (fullJid: string, node: string, ver: string): Promise<void> => {
    asking.add(ver);
    try {
      const answer = await xmpp.iq('get', fullJid, el('query', NS_DISCO_INFO, { node: `${node}#${ver}` }), 20_000);
      const query = answer.getChild('query', NS_DISCO_INFO);
      if (!query || capsHash(query) !== ver) {
        if (refused.size >= MAX_REFUSED) refused.clear();
        refused.add(ver);
        log.warn('a capabilities answer did not match its hash', { from: fullJid });
        return;
      }
      const info = parseDiscoInfo(fullJid, undefined, query);
      store.caps.put(ver, { identities: info.identities, features: info.features, forms: info.forms });
      const jids = new Set<BareJid>();
      for (const [resource, itsVer] of verOf) if (itsVer === ver) jids.add(bareOf(resource as FullJid));
      if (jids.size > 0) emit('caps.learnt', { account, jids: [...jids] });
    } catch (error) {
      log.debug('could not learn capabilities', { from: fullJid, error: String(error) });
    } finally {
      asking.delete(ver);
    }
  };

  const offPresence = xmpp.onPresence((stanza) => {
    const from = stanza.attrs.from ?? '';
    if (!from.includes('/') || stanza.getChild('x', NS_MUC_USER)) return;
    if (stanza.attrs.type === 'unavailable') {
      verOf.delete(from);
      return;
    }
    const c = stanza.getChild('c', NS_CAPS);
    const ver = c?.attrs.ver;
    if (stanza.attrs.type || !c || !ver || c.attrs.hash !== 'sha-1' || !c.attrs.node) return;
    if (verOf.size >= MAX_RESOURCES && !verOf.has(from)) return;
    verOf.set(from, ver);
    if (!store.caps.get(ver) && !asking.has(ver) && !refused.has(ver)) void learn(from, c.attrs.node, ver);
  });
  const offOffline = lifecycle.onOffline(() => verOf.clear());

  return {
    of: (fullJid) => {
      const ver = verOf.get(fullJid);
      const known = ver ? store.caps.get(ver) : undefined;
      return known ? { jid: fullJid, ...known } : undefined;
    },
    dispose: () => {
      offPresence();
      offOffline();
    },
  };
}
