// XEP-0012 Last Activity: how long ago a contact was last active (a resource's idle time, or for an
// offline contact the server's record of their last logout); we answer our own idle time to contacts
// who may see our presence, and no one else.
import { type BareJid, bareOf, toBareJid } from '../../../../shared/model/jid.ts';
import type { LastActivity } from '../../../../shared/model/presence.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import { el } from '../../xmpp/stanza.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { readPrivacy } from '../entityInfo/privacy.ts';

export const NS_LAST = 'jabber:iq:last';
/** Longer than a lifetime is not an answer: a hostile peer's number is capped. */
const MAX_SECONDS = 100 * 365 * 24 * 3600;

export interface LastActivityApi {
  /** Asks a contact's resource (idle time) or bare JID (time since their last logout). */
  query(jid: string): Promise<LastActivity>;
}

export function setupLastActivity(
  ctx: Parameters<XmppModule<LastActivityApi>['setup']>[0],
  idleSince: () => number | undefined,
): LastActivityApi & { dispose(): void } {
  const { account, xmpp, disco, store } = ctx;
  disco.addFeature(NS_LAST);
  const mayAsk = (from: string | undefined): boolean => {
    if (!from) return false;
    const bare = toBareJid(bareOf(from as BareJid));
    if (!bare) return false;
    if (bare === account) return true;
    const subscription = store.roster.get(account, bare)?.subscription;
    return subscription === 'from' || subscription === 'both';
  };
  const off = xmpp.onIq('get', NS_LAST, 'query', (stanza) => {
    if (!readPrivacy(store.meta).lastActivity) throw new StanzaError('service-unavailable', 'cancel', '');
    if (!mayAsk(stanza.attrs.from)) throw new StanzaError('forbidden', 'auth', '');
    const since = idleSince();
    const seconds = since === undefined ? 0 : Math.max(0, Math.floor((Date.now() - since) / 1000));
    return el('query', NS_LAST, { seconds });
  });
  return {
    query: async (jid) => {
      const answer = await xmpp.iq('get', jid, el('query', NS_LAST));
      const query = answer.getChild('query', NS_LAST);
      const seconds = Number(query?.attrs.seconds);
      if (!query || !Number.isInteger(seconds) || seconds < 0)
        throw new StanzaError('bad-request', 'modify', 'The answer carried no time');
      const status = query.text().trim().slice(0, 1024);
      const capped = Math.min(seconds, MAX_SECONDS);
      return { seconds: capped, at: Date.now() - capped * 1000, ...(status ? { status } : {}) };
    },
    dispose: () => {
      off();
      disco.removeFeature(NS_LAST);
    },
  };
}
