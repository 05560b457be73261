// A room's affiliated members (whose devices its encrypted messages go to), asked once and kept until the
// room shows an affiliation change (an occupant's presence with another affiliation, status 101, our own
// change), or for ten minutes at most: not three admin queries for every message.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { Connection } from '../../account/connection.ts';
import type { Element } from '../../xmpp/stanza.ts';
import { NS_MUC_USER } from './muc.parse.ts';

const MAX_AGE_MS = 10 * 60_000;
const MEMBER = new Set(['owner', 'admin', 'member']);

interface Cached {
  jids: Set<BareJid>;
  at: number;
}

const caches = new WeakMap<Connection, Map<BareJid, Cached>>();

function cacheOf(xmpp: Connection): Map<BareJid, Cached> {
  const known = caches.get(xmpp);
  if (known) return known;
  const cache = new Map<BareJid, Cached>();
  caches.set(xmpp, cache);
  const statusCodes = (stanza: Element): string[] =>
    (stanza.getChild('x', NS_MUC_USER)?.getChildren('status') ?? []).map((s) => s.attrs.code ?? '');
  xmpp.onPresence((stanza) => {
    const room = toBareJid(stanza.attrs.from ?? '');
    const entry = room ? cache.get(room) : undefined;
    const item = stanza.getChild('x', NS_MUC_USER)?.getChild('item');
    const jid = toBareJid(item?.attrs.jid ?? '');
    if (!room || !entry || !jid) return;
    if (MEMBER.has(item?.attrs.affiliation ?? 'none') !== entry.jids.has(jid)) cache.delete(room);
  });
  xmpp.onMessage((stanza) => {
    const room = toBareJid(stanza.attrs.from ?? '');
    if (room && room === stanza.attrs.from && statusCodes(stanza).includes('101')) cache.delete(room);
  });
  return cache;
}

/** The owners, admins and members, from the cache or the room (`ask` reads one affiliation list). */
export async function cachedMembers(
  xmpp: Connection,
  room: BareJid,
  ask: (affiliation: string) => Promise<BareJid[]>,
): Promise<Set<BareJid>> {
  const cache = cacheOf(xmpp);
  const hit = cache.get(room);
  if (hit && Date.now() - hit.at < MAX_AGE_MS) return hit.jids;
  const jids = new Set<BareJid>();
  for (const affiliation of MEMBER) for (const jid of await ask(affiliation)) jids.add(jid);
  cache.set(room, { jids, at: Date.now() });
  return jids;
}

/** We changed an affiliation ourselves: the room's lists are asked again next time. */
export function forgetMembers(xmpp: Connection, room: BareJid): void {
  caches.get(xmpp)?.delete(room);
}
