import { toBareJid } from '../../../../shared/model/jid.ts';
import type { RosterItem, Subscription } from '../../../../shared/model/roster.ts';
import type { Element } from '../../xmpp/stanza.ts';

export const NS_ROSTER = 'jabber:iq:roster';
const SUBSCRIPTIONS: readonly string[] = ['none', 'to', 'from', 'both'];
const MAX_NAME = 1024;
const MAX_GROUPS = 100;

export type RosterChange = { kind: 'set'; item: RosterItem } | { kind: 'remove'; jid: RosterItem['jid'] };

/** One <item/>; undefined when its JID is not valid. */
export function parseRosterItem(item: Element): RosterChange | undefined {
  const jid = toBareJid(item.attrs.jid ?? '');
  if (!jid || item.attrs.jid?.includes('/')) return undefined;
  const subscription = item.attrs.subscription ?? 'none';
  if (subscription === 'remove') return { kind: 'remove', jid };
  const groups = [
    ...new Set(
      item
        .getChildren('group')
        .map((g) => g.text().trim())
        .filter((g) => g.length > 0 && g.length <= MAX_NAME),
    ),
  ];
  return {
    kind: 'set',
    item: {
      jid,
      name: (item.attrs.name ?? '').slice(0, MAX_NAME),
      subscription: (SUBSCRIPTIONS.includes(subscription) ? subscription : 'none') as Subscription,
      pendingOut: item.attrs.ask === 'subscribe',
      pendingIn: false,
      approved: item.attrs.approved === 'true',
      groups: groups.slice(0, MAX_GROUPS),
    },
  };
}

export function parseRosterQuery(query: Element | undefined): { changes: RosterChange[]; version: string | undefined } {
  const changes = (query?.getChildren('item', NS_ROSTER) ?? [])
    .map(parseRosterItem)
    .filter((c): c is RosterChange => c !== undefined);
  return { changes, version: query?.attrs.ver };
}
