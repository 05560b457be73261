// Both device lists of an account: legacy OMEMO's and OMEMO 2's, fetched side by side (a failure of one
// does not hide the other), and our own device put back into whichever of ours lacks it.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Connection } from '../../account/connection.ts';
import type { Logger } from '../../log.ts';
import { fetchDeviceList, publishDeviceList } from './omemo.pep.ts';
import { DEVICE_LABEL, fetchDevices2, publishDevices2 } from './v2/omemo2.pep.ts';
import type { Device2 } from './v2/omemo2.xml.ts';

export interface DeviceLists {
  legacy: number[];
  v2: Device2[];
}

export async function fetchLists(xmpp: Connection, jid: BareJid | undefined, log: Logger): Promise<DeviceLists> {
  const [legacy, v2] = await Promise.allSettled([fetchDeviceList(xmpp, jid), fetchDevices2(xmpp, jid)]);
  if (legacy.status === 'rejected' && v2.status === 'rejected') throw legacy.reason;
  for (const failed of [legacy, v2])
    if (failed.status === 'rejected')
      log.info('a device list could not be read', { jid, error: String(failed.reason) });
  return {
    legacy: legacy.status === 'fulfilled' ? legacy.value : [],
    v2: v2.status === 'fulfilled' ? v2.value : [],
  };
}

/**
 * Publishes the lists that lack our device, keeping every other device (and its label) listed; the OMEMO 2
 * list only when our OMEMO 2 bundle is out.
 */
export async function announceOwn(xmpp: Connection, ownId: number, lists: DeviceLists, v2: boolean): Promise<void> {
  if (!lists.legacy.includes(ownId)) await publishDeviceList(xmpp, [...lists.legacy, ownId]);
  if (v2 && !lists.v2.some((d) => d.id === ownId))
    await publishDevices2(xmpp, [...lists.v2, { id: ownId, label: DEVICE_LABEL }]);
}
