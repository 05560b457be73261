// The Personal Eventing Protocol (XEP-0163) pieces our own private nodes share: publishing an item
// that only we can read and that keeps every item, and reading notifications that really are ours.
import type { Connection } from '../account/connection.ts';
import type { Logger } from '../log.ts';
import { StanzaError } from './errors.ts';
import { el, type Element, xml } from './stanza.ts';
import { tryAgain } from '../tryAgain.ts';

export const NS_PUBSUB = 'http://jabber.org/protocol/pubsub';
const NS_PUBSUB_EVENT = 'http://jabber.org/protocol/pubsub#event';
const NS_PUBSUB_OWNER = `${NS_PUBSUB}#owner`;
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

const openOptions = (maxItems?: string): Element =>
  el(
    'x',
    NS_DATA,
    { type: 'submit' },
    xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, `${NS_PUBSUB}#publish-options`)),
    field('pubsub#persist_items', 'true'),
    maxItems ? field('pubsub#max_items', maxItems) : undefined,
    field('pubsub#access_model', 'open'),
  );

/** Sets an existing node's access model to open (it was created with other options). */
async function openNode(xmpp: Connection, node: string, maxItems?: string): Promise<void> {
  const form = el(
    'x',
    NS_DATA,
    { type: 'submit' },
    xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, `${NS_PUBSUB}#node_config`)),
    field('pubsub#access_model', 'open'),
    maxItems ? field('pubsub#max_items', maxItems) : undefined,
  );
  await xmpp.iq('set', undefined, el('pubsub', NS_PUBSUB_OWNER, {}, xml('configure', { node }, form)));
}

/**
 * ejabberd answers item-not-found to a brand-new account's first PEP publishes for a moment (seen on a busy
 * machine): such a publish is tried again after 0.5 s and 1.5 s before the error counts.
 */
const newAccountRefusal = (error: unknown): boolean =>
  error instanceof StanzaError && error.condition === 'item-not-found';

/**
 * Publishes an item anyone may read (OMEMO keys, avatars: room occupants and strangers need them too)
 * with publish-options access_model=open; a node that exists with another access model (precondition-not-met)
 * is reconfigured and the publish retried once, as Conversations and Gajim do.
 */
export async function publishOpenItem(
  xmpp: Connection,
  node: string,
  id: string,
  payload: Element,
  /** 'max' for a node holding one item per publisher device (OMEMO 2's bundles). */
  maxItems?: string,
): Promise<void> {
  const publish = (max: string | undefined): Promise<Element> =>
    xmpp.iq(
      'set',
      undefined,
      el(
        'pubsub',
        NS_PUBSUB,
        {},
        xml('publish', { node }, xml('item', { id }, payload)),
        xml('publish-options', {}, openOptions(max)),
      ),
    );
  try {
    await tryAgain(() => publish(maxItems), [500, 1500], newAccountRefusal);
  } catch (error) {
    if (!(error instanceof StanzaError)) throw error;
    if (error.condition === 'conflict') {
      await openNode(xmpp, node, maxItems);
      await publish(maxItems);
    } else if (maxItems) {
      // ejabberd 23 refuses max_items as a publish option (resource-constraint) but takes it as node configuration.
      await publish(undefined);
      await openNode(xmpp, node, maxItems);
    } else throw error;
  }
}

/** The newest item of a node (`jid` undefined: our own account); undefined when the node does not exist. */
export async function latestItem(
  xmpp: Connection,
  jid: string | undefined,
  node: string,
): Promise<Element | undefined> {
  try {
    const answer = await xmpp.iq('get', jid, el('pubsub', NS_PUBSUB, {}, xml('items', { node, max_items: '1' })));
    return answer.getChild('pubsub', NS_PUBSUB)?.getChild('items')?.getChildren('item')[0];
  } catch (error) {
    if (error instanceof StanzaError && error.condition === 'item-not-found') return undefined;
    throw error;
  }
}

/** One item of a node by its id; undefined when the node or the item does not exist. */
export async function itemById(xmpp: Connection, jid: string, node: string, id: string): Promise<Element | undefined> {
  try {
    const answer = await xmpp.iq('get', jid, el('pubsub', NS_PUBSUB, {}, xml('items', { node }, xml('item', { id }))));
    return answer
      .getChild('pubsub', NS_PUBSUB)
      ?.getChild('items')
      ?.getChildren('item')
      .find((item) => item.attrs.id === id);
  } catch (error) {
    if (error instanceof StanzaError && error.condition === 'item-not-found') return undefined;
    throw error;
  }
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
