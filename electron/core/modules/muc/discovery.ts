// Finding rooms (XEP-0030 on the conference service): the service, its rooms, each room's name,
// occupant count and features. Queries run a few at a time so a big service does not flood the stream.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { RoomInfo } from '../../../../shared/model/muc.ts';
import type { Connection } from '../../account/connection.ts';
import { el, type Element } from '../../xmpp/stanza.ts';

const NS_ITEMS = 'http://jabber.org/protocol/disco#items';
const NS_INFO = 'http://jabber.org/protocol/disco#info';
const NS_DATA = 'jabber:x:data';
const PARALLEL = 8;
const MAX_ROOMS = 500;

async function info(xmpp: Connection, jid: string): Promise<Element | undefined> {
  return (await xmpp.iq('get', jid, el('query', NS_INFO), 10_000)).getChild('query', NS_INFO);
}

/** The conference service of our server: the item whose identity is conference/text. */
export async function findConferenceService(xmpp: Connection): Promise<BareJid | undefined> {
  const domain = xmpp.bareJid?.split('@')[1];
  if (!domain) return undefined;
  const items =
    (await xmpp.iq('get', domain, el('query', NS_ITEMS))).getChild('query', NS_ITEMS)?.getChildren('item') ?? [];
  for (const item of items) {
    const jid = toBareJid(item.attrs.jid ?? '');
    if (!jid) continue;
    const query = await info(xmpp, jid).catch(() => undefined);
    if (query?.getChildren('identity').some((i) => i.attrs.category === 'conference' && i.attrs.type === 'text'))
      return jid;
  }
  return undefined;
}

function roomInfo(jid: BareJid, name: string, query: Element | undefined): RoomInfo {
  const form = query
    ?.getChildren('x', NS_DATA)
    .find((x) =>
      x
        .getChildren('field')
        .some(
          (f) => f.attrs.var === 'FORM_TYPE' && f.getChildText('value') === 'http://jabber.org/protocol/muc#roominfo',
        ),
    );
  const value = (name: string): string | undefined =>
    form
      ?.getChildren('field')
      .find((f) => f.attrs.var === name)
      ?.getChildText('value') ?? undefined;
  const occupants = Number(value('muc#roominfo_occupants'));
  const features = (query?.getChildren('feature') ?? []).map((f) => f.attrs.var ?? '').filter(Boolean);
  return {
    jid,
    name:
      query?.getChildren('identity').find((i) => i.attrs.category === 'conference')?.attrs.name ||
      name ||
      jid.split('@')[0] ||
      jid,
    description: value('muc#roominfo_description') ?? '',
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
  const items = (
    (await xmpp.iq('get', where, el('query', NS_ITEMS))).getChild('query', NS_ITEMS)?.getChildren('item') ?? []
  ).slice(0, MAX_ROOMS);
  const rooms: RoomInfo[] = [];
  for (let i = 0; i < items.length; i += PARALLEL) {
    rooms.push(
      ...(await Promise.all(
        items.slice(i, i + PARALLEL).flatMap((item) => {
          const jid = toBareJid(item.attrs.jid ?? '');
          return jid
            ? [
                info(xmpp, jid)
                  .catch(() => undefined)
                  .then((query) => roomInfo(jid, item.attrs.name ?? '', query)),
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
