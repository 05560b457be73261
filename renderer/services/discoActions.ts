// What can be done with an entity found in the service browser, from its identities and features.
import type { DiscoInfo } from '../../shared/model/disco.ts';

export type DiscoAction = 'join' | 'commands' | 'register' | 'addContact' | 'browse';

const NS_MUC = 'http://jabber.org/protocol/muc';
const NS_COMMANDS = 'http://jabber.org/protocol/commands';
const NS_ITEMS = 'http://jabber.org/protocol/disco#items';
const NS_REGISTER = 'jabber:iq:register';

export function discoActions(info: DiscoInfo): DiscoAction[] {
  const is = (category: string, type?: string): boolean =>
    info.identities.some((i) => i.category === category && (type === undefined || i.type === type));
  const has = (feature: string): boolean => info.features.includes(feature);
  const actions: DiscoAction[] = [];
  // A room (a JID with a local part on a conference service), not the service itself.
  if (info.jid.includes('@') && (is('conference') || has(NS_MUC)) && !info.node) actions.push('join');
  if (has(NS_COMMANDS)) actions.push('commands');
  // A service to register with (a gateway, XEP-0100); a server's own registration is its accounts'.
  const registers = has(NS_REGISTER) && !is('server') && !info.jid.includes('@') && !info.node;
  if (registers) actions.push('register');
  if ((is('gateway') && !registers) || (is('account') && info.jid.includes('@'))) actions.push('addContact');
  if (has(NS_ITEMS) || info.node) actions.push('browse');
  return actions;
}
