// XEP-0144 Roster Item Exchange: the items a gateway suggests, kept only when they are its own
// (a JID on the gateway's domain), so a gateway cannot slip other people into the roster.
import { type BareJid, parseJid } from '../../../../shared/model/jid.ts';
import type { Element } from '../../xmpp/stanza.ts';

export const NS_ROSTERX = 'http://jabber.org/protocol/rosterx';
const MAX_ITEMS = 1000;
const MAX_GROUPS = 20;

export interface ExchangedItem {
  action: 'add' | 'delete' | 'modify';
  jid: BareJid;
  name?: string;
  groups: string[];
}

export function parseRosterExchange(x: Element | undefined, gateway: BareJid): ExchangedItem[] {
  if (!x?.is('x', NS_ROSTERX)) return [];
  return x
    .getChildren('item')
    .slice(0, MAX_ITEMS)
    .flatMap((item): ExchangedItem[] => {
      const parts = parseJid(item.attrs.jid ?? '');
      if (!parts?.local || parts.resource || parts.domain !== gateway) return [];
      const jid = `${parts.local}@${parts.domain}` as BareJid;
      const action = item.attrs.action === 'delete' || item.attrs.action === 'modify' ? item.attrs.action : 'add';
      const name = item.attrs.name?.trim().slice(0, 1024);
      const groups = item
        .getChildren('group')
        .slice(0, MAX_GROUPS)
        .map((g) => g.text().trim().slice(0, 1024))
        .filter(Boolean);
      return [{ action, jid, groups, ...(name ? { name } : {}) }];
    });
}
