// What can be done with an entity found in the service browser, from its identities and features.
// (Registering with a gateway comes with the gateway support.)
import type { DiscoInfo } from '../../shared/model/disco.ts';

export type DiscoAction = 'join' | 'commands' | 'addContact' | 'browse';

const NS_MUC = 'http://jabber.org/protocol/muc';
const NS_COMMANDS = 'http://jabber.org/protocol/commands';
const NS_ITEMS = 'http://jabber.org/protocol/disco#items';

export function discoActions(info: DiscoInfo): DiscoAction[] {
  const is = (category: string, type?: string): boolean =>
    info.identities.some((i) => i.category === category && (type === undefined || i.type === type));
  const has = (feature: string): boolean => info.features.includes(feature);
  const actions: DiscoAction[] = [];
  // A room (a JID with a local part on a conference service), not the service itself.
  if (info.jid.includes('@') && (is('conference') || has(NS_MUC)) && !info.node) actions.push('join');
  if (has(NS_COMMANDS)) actions.push('commands');
  if (is('gateway') || (is('account') && info.jid.includes('@'))) actions.push('addContact');
  if (has(NS_ITEMS) || info.node) actions.push('browse');
  return actions;
}
