// Device lists and bundles over PEP (XEP-0163): read from any account, published by us with an open
// access model so that people who do not share presence with us (first contact, room members) can
// encrypt to us.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Connection } from '../../account/connection.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import { latestItem, publishOpenItem } from '../../xmpp/pep.ts';
import {
  type BundleKeys,
  buildBundle,
  buildDeviceList,
  bundleNode,
  DEVICELIST_NODE,
  parseBundle,
  parseDeviceList,
} from './omemo.xml.ts';

/** Answers meaning "no list we may see": never published, or not shared with us (no presence subscription). */
export const HIDDEN = new Set([
  'forbidden',
  'not-authorized',
  'presence-subscription-required',
  'service-unavailable',
  'feature-not-implemented',
]);

/** A device list; an account that never published one (or hides it from us) has none. */
export async function fetchDeviceList(xmpp: Connection, jid: BareJid | undefined): Promise<number[]> {
  try {
    return parseDeviceList((await latestItem(xmpp, jid, DEVICELIST_NODE))?.getChild('list'));
  } catch (error) {
    if (jid && error instanceof StanzaError && HIDDEN.has(error.condition)) return [];
    throw error;
  }
}

export async function fetchBundle(xmpp: Connection, jid: BareJid, device: number): Promise<BundleKeys> {
  return parseBundle((await latestItem(xmpp, jid, bundleNode(device)))?.getChild('bundle'));
}

export const publishDeviceList = (xmpp: Connection, ids: readonly number[]): Promise<void> =>
  publishOpenItem(xmpp, DEVICELIST_NODE, 'current', buildDeviceList(ids));
export const publishBundle = (xmpp: Connection, device: number, keys: BundleKeys): Promise<void> =>
  publishOpenItem(xmpp, bundleNode(device), 'current', buildBundle(keys));
