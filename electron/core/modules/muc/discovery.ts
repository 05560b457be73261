// Finding rooms (XEP-0030 on the conference service): the service, its rooms, each room's name,
// occupant count and features. Queries run a few at a time so a big service does not flood the stream.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { RoomInfo } from '../../../../shared/model/muc.ts';
import type { Connection } from '../../account/connection.ts';
import type { DiscoInfo } from '../../../../shared/model/disco.ts';
import { discoInfo, discoItems, extendedField } from '../disco/queries.ts';

const PARALLEL = 8;
const MAX_ROOMS = 500;
const ROOM_INFO = 'http://jabber.org/protocol/muc#roominfo';

const info = (xmpp: Connection, jid: string): Promise<DiscoInfo> => discoInfo(xmpp, jid, undefined, 10_000);

/** The conference service of our server: the item whose identity is conference/text. */
export async function findConferenceService(xmpp: Connection): Promise<BareJid | undefined> {
  const domain = xmpp.bareJid?.split('@')[1];
  if (!domain) return undefined;
  for (const item of await discoItems(xmpp, domain)) {
    const jid = toBareJid(item.jid);
    if (!jid) continue;
    const found = await info(xmpp, jid).catch(() => undefined);
    if (found?.identities.some((i) => i.category === 'conference' && i.type === 'text')) return jid;
  }
  return undefined;
}

function roomInfo(jid: BareJid, name: string, found: DiscoInfo | undefined): RoomInfo {
  const occupants = Number(extendedField(found, ROOM_INFO, 'muc#roominfo_occupants'));
  const features = found?.features ?? [];
  return {
    jid,
    name: found?.identities.find((i) => i.category === 'conference')?.name || name || jid.split('@')[0] || jid,
    description: extendedField(found, ROOM_INFO, 'muc#roominfo_description') ?? '',
    ...(Number.isFinite(occupants) ? { occupants } : {}),
    passwordProtected: features.includes('muc_passwordprotected'),
    membersOnly: features.includes('muc_membersonly'),
  };
}

export async function discoverRooms(
  xmpp: Connection,
  service?: BareJid,
): Promise<{ service: BareJid | undefined; rooms: RoomInfo[] }> {
  const where = service ?? (await findConferenceService(xmpp));
  if (!where) return { service: undefined, rooms: [] };
  const items = (await discoItems(xmpp, where)).slice(0, MAX_ROOMS);
  const rooms: RoomInfo[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) {
    rooms.push(
      ...(await Promise.all(
        items.slice(i, i + PARALLEL).flatMap((item) => {
          const jid = toBareJid(item.jid);
          return jid
            ? [
                info(xmpp, jid)
                  .catch(() => undefined)
                  .then((found) => roomInfo(jid, item.name, found)),
              ]
            : [];
        }),
      )),
    );
  }
  return {
    service: where,
    rooms: rooms.sort((a, b) => (b.occupants ?? 0) - (a.occupants ?? 0) || a.name.localeCompare(b.name)),
  };
}
