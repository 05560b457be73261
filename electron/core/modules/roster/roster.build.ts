import type { BareJid } from '../../../../shared/model/jid.ts';
import { type Element, el, xml } from '../../xmpp/stanza.ts';
import { NS_ROSTER } from './roster.parse.ts';

export function buildRosterSet(jid: BareJid, name: string | undefined, groups: readonly string[]): Element {
  return el(
    'query',
    NS_ROSTER,
    {},
    xml('item', { jid, ...(name ? { name } : {}) }, ...groups.map((g) => xml('group', {}, g))),
  );
}

export function buildRosterRemove(jid: BareJid): Element {
  return el('query', NS_ROSTER, {}, xml('item', { jid, subscription: 'remove' }));
}
