import { cleanNick, NS_NICK } from '../profile/nick.ts';
import { type BareJid, bareOf, resourceOf, toBareJid, toFullJid } from '../../../../shared/model/jid.ts';
import type { ResourcePresence } from '../../../../shared/model/presence.ts';
import type { Element } from '../../xmpp/stanza.ts';
import { NS_IDLE } from './presence.build.ts';

export type PresenceEvent =
  | { kind: 'available'; jid: BareJid; presence: ResourcePresence }
  | { kind: 'unavailable'; jid: BareJid; resource: string | undefined }
  | { kind: 'subscribe' | 'subscribed' | 'unsubscribe' | 'unsubscribed'; jid: BareJid; status: string; nick?: string }
  | { kind: 'error'; jid: BareJid; condition: string };

const NS_STANZAS = 'urn:ietf:params:xml:ns:xmpp-stanzas';
const SHOWS: readonly string[] = ['chat', 'away', 'xa', 'dnd'];
const MAX_STATUS = 1024;

function priorityOf(stanza: Element): number {
  const value = Number.parseInt(stanza.getChildText('priority') ?? '0', 10);
  return Number.isFinite(value) ? Math.max(-128, Math.min(127, value)) : 0;
}

/** XEP-0319: since when the sender is idle; never in the future. */
function idleOf(stanza: Element, now = Date.now()): { idleSince?: number } {
  const since = Date.parse(stanza.getChild('idle', NS_IDLE)?.attrs.since ?? '');
  return Number.isFinite(since) && since <= now ? { idleSince: since } : {};
}

/** Turns a <presence/> into what it means for us; undefined for anything malformed. */
export function parsePresence(stanza: Element): PresenceEvent | undefined {
  const from = stanza.attrs.from ?? '';
  const jid = toBareJid(from);
  if (!jid) return undefined;
  const type = stanza.attrs.type;
  const status = (stanza.getChildText('status') ?? '').slice(0, MAX_STATUS);
  switch (type) {
    case undefined: {
      const full = toFullJid(from);
      if (!full) return undefined;
      const show = stanza.getChildText('show') ?? '';
      return {
        kind: 'available',
        jid: bareOf(full),
        presence: {
          resource: resourceOf(full),
          show: (SHOWS.includes(show) ? show : 'online') as ResourcePresence['show'],
          status,
          priority: priorityOf(stanza),
          ...idleOf(stanza),
        },
      };
    }
    case 'unavailable': {
      const full = toFullJid(from);
      return { kind: 'unavailable', jid, resource: full ? resourceOf(full) : undefined };
    }
    case 'subscribe': {
      // XEP-0172: the name the asker gives themselves (shown beside their address, never instead of it).
      const nick = cleanNick(stanza.getChildText('nick', NS_NICK));
      return { kind: type, jid, status, ...(nick ? { nick } : {}) };
    }
    case 'subscribed':
    case 'unsubscribe':
    case 'unsubscribed':
      return { kind: type, jid, status };
    case 'error': {
      const condition = stanza
        .getChild('error')
        ?.getChildElements()
        .find((c) => c.getNS() === NS_STANZAS && c.name !== 'text')?.name;
      return { kind: 'error', jid, condition: condition ?? 'undefined-condition' };
    }
    default:
      return undefined;
  }
}
