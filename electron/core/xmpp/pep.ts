// The Personal Eventing Protocol (XEP-0163) pieces our own private nodes share: publishing an item
// that only we can read and that keeps every item, and reading notifications that really are ours.
import type { Connection } from '../account/connection.ts';
import type { Logger } from '../log.ts';
import { el, type Element, xml } from './stanza.ts';

export const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const NS_DATA = 'jabber:x:data';

const field = (name: string, value: string): Element => xml('field', { var: name }, xml('value', {}, value));

/** Publishes one item to one of our own nodes: persistent, all items kept, readable by us only. */
export async function publishPrivateItem(xmpp: Connection, node: string, item: Element): Promise<void> {
  const options = el(
    'x',
    NS_DATA,
    { type: 'submit' },
    xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, `${NS_PUBSUB}#publish-options`)),
    field('pubsub#persist_items', 'true'),
    field('pubsub#max_items', 'max'),
    field('pubsub#send_last_published_item', 'never'),
    field('pubsub#access_model', 'whitelist'),
  );
  await xmpp.iq(
    'set',
    undefined,
    el('pubsub', NS_PUBSUB, {}, xml('publish', { node }, item), xml('publish-options', {}, options)),
  );
}

/**
 * The <items/> of a notification for `node` from our own account (PEP notifications of our nodes come
 * from our bare JID); undefined for anything else, and a warning for someone else's claim.
 */
export function ownNotification(stanza: Element, node: string, xmpp: Connection, log: Logger): Element | undefined {
  const items = stanza.getChild('event', NS_PUBSUB_EVENT)?.getChild('items');
  if (items?.attrs.node !== node) return undefined;
  if (stanza.attrs.from !== undefined && stanza.attrs.from !== xmpp.bareJid) {
    log.warn('dropped a notification from someone else for one of our nodes', { node, from: stanza.attrs.from });
    return undefined;
  }
  return items;
}
