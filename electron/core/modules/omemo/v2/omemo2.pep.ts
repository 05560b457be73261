// OMEMO 2's device list and bundles over PEP: the list in one item 'current', the bundles in one node with
// an item per device (so the node keeps every item: max_items=max), both readable by anyone.
import type { BareJid } from '../../../../../shared/model/jid.ts';
import type { Connection } from '../../../account/connection.ts';
import { StanzaError } from '../../../xmpp/errors.ts';
import { itemById, latestItem, publishOpenItem } from '../../../xmpp/pep.ts';
import { HIDDEN } from '../omemo.pep.ts';
import { OmemoFormatError } from '../omemo.xml.ts';
import {
  type Bundle2Keys,
  buildBundle2,
  type Device2,
  buildDevices,
  BUNDLES_NODE,
  DEVICES_NODE,
  NS_OMEMO2,
  parseBundle2,
  parseDevices,
} from './omemo2.xml.ts';

/** What we call our device in the list (python-omemo recommends at most 53 characters). */
export const DEVICE_LABEL = 'JabberDesk';

export async function fetchDevices2(xmpp: Connection, jid: BareJid | undefined): Promise<Device2[]> {
  try {
    return parseDevices((await latestItem(xmpp, jid, DEVICES_NODE))?.getChild('devices', NS_OMEMO2));
  } catch (error) {
    if (jid && error instanceof StanzaError && HIDDEN.has(error.condition)) return [];
    throw error;
  }
}

export async function fetchBundle2(xmpp: Connection, jid: BareJid, device: number): Promise<Bundle2Keys> {
  const item = await itemById(xmpp, jid, BUNDLES_NODE, String(device));
  if (!item) throw new OmemoFormatError(`no OMEMO 2 bundle for device ${device}`);
  return parseBundle2(item.getChild('bundle', NS_OMEMO2));
}

export const publishDevices2 = (xmpp: Connection, devices: readonly Device2[]): Promise<void> =>
  publishOpenItem(xmpp, DEVICES_NODE, 'current', buildDevices(devices));

export const publishBundle2 = (xmpp: Connection, device: number, keys: Bundle2Keys): Promise<void> =>
  publishOpenItem(xmpp, BUNDLES_NODE, String(device), buildBundle2(keys), 'max');
