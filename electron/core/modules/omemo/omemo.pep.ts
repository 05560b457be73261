// Device lists and bundles over PEP (XEP-0163): read from any account, published by us with an open
// access model so that people who do not share presence with us (first contact, room members) can
// encrypt to us.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Connection } from '../../account/connection.ts';
import { NS_DATA } from '../../xmpp/dataForm.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import { NS_PUBSUB } from '../../xmpp/pep.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import {
  type BundleKeys,
  buildBundle,
  buildDeviceList,
  bundleNode,
  DEVICELIST_NODE,
  parseBundle,
  parseDeviceList,
} from './omemo.xml.ts';

const NS_PUBSUB_OWNER = `${NS_PUBSUB}#owner`;

/** The first item of a node (item ids differ between clients: never look them up by id). */
async function firstItem(xmpp: Connection, jid: BareJid | undefined, node: string): Promise<Element | undefined> {
  try {
    const answer = await xmpp.iq('get', jid, el('pubsub', NS_PUBSUB, {}, xml('items', { node, max_items: '1' })));
    return answer.getChild('pubsub', NS_PUBSUB)?.getChild('items')?.getChildren('item')[0];
  } catch (error) {
    if (error instanceof StanzaError && error.condition === 'item-not-found') return undefined;
    throw error;
  }
}

/** Answers meaning "no list we may see": never published, or not shared with us (no presence subscription). */
const HIDDEN = new Set([
  'forbidden',
  'not-authorized',
  'presence-subscription-required',
  'service-unavailable',
  'feature-not-implemented',
]);

/** A device list; an account that never published one (or hides it from us) has none. */
export async function fetchDeviceList(xmpp: Connection, jid: BareJid | undefined): Promise<number[]> {
  try {
    return parseDeviceList((await firstItem(xmpp, jid, DEVICELIST_NODE))?.getChild('list'));
  } catch (error) {
    if (jid && error instanceof StanzaError && HIDDEN.has(error.condition)) return [];
    throw error;
  }
}

export async function fetchBundle(xmpp: Connection, jid: BareJid, device: number): Promise<BundleKeys> {
  return parseBundle((await firstItem(xmpp, jid, bundleNode(device)))?.getChild('bundle'));
}

const openOptions = (): Element =>
  el(
    'x',
    NS_DATA,
    { type: 'submit' },
    xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, `${NS_PUBSUB}#publish-options`)),
    xml('field', { var: 'pubsub#persist_items' }, xml('value', {}, 'true')),
    xml('field', { var: 'pubsub#access_model' }, xml('value', {}, 'open')),
  );

/** Sets an existing node's access model to open (it was created with other options). */
async function openNode(xmpp: Connection, node: string): Promise<void> {
  const form = el(
    'x',
    NS_DATA,
    { type: 'submit' },
    xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, `${NS_PUBSUB}#node_config`)),
    xml('field', { var: 'pubsub#access_model' }, xml('value', {}, 'open')),
  );
  await xmpp.iq('set', undefined, el('pubsub', NS_PUBSUB_OWNER, {}, xml('configure', { node }, form)));
}

/**
 * Publishes with publish-options access_model=open; a node that exists with another access model
 * (precondition-not-met) is reconfigured and the publish retried once, as Conversations and Gajim do.
 */
async function publishOpen(xmpp: Connection, node: string, payload: Element): Promise<void> {
  const publish = (): Promise<Element> =>
    xmpp.iq(
      'set',
      undefined,
      el(
        'pubsub',
        NS_PUBSUB,
        {},
        xml('publish', { node }, xml('item', { id: 'current' }, payload)),
        xml('publish-options', {}, openOptions()),
      ),
    );
  try {
    await publish();
  } catch (error) {
    if (!(error instanceof StanzaError) || error.condition !== 'conflict') throw error;
    await openNode(xmpp, node);
    await publish();
  }
}

export const publishDeviceList = (xmpp: Connection, ids: readonly number[]): Promise<void> =>
  publishOpen(xmpp, DEVICELIST_NODE, buildDeviceList(ids));
export const publishBundle = (xmpp: Connection, device: number, keys: BundleKeys): Promise<void> =>
  publishOpen(xmpp, bundleNode(device), buildBundle(keys));
