// Reading XEP-0045 presence and messages from a room.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid, toFullJid } from '../../../../shared/model/jid.ts';
import { AFFILIATIONS, type Affiliation, type Occupant, type Role, ROLES } from '../../../../shared/model/muc.ts';
import { type Element, xml } from '../../xmpp/stanza.ts';
import { NS_CORRECT, NS_RETRACT, NS_SID, oobUrlOf, parseDelay } from '../chat/chat.parse.ts';
import { bodyOf } from '../../xmpp/body.ts';
import { parsePhotoUpdate } from '../avatars/avatars.parse.ts';

export const NS_MUC = 'http://jabber.org/protocol/muc';
export const NS_MUC_USER = 'http://jabber.org/protocol/muc#user';
export const NS_MUC_ADMIN = 'http://jabber.org/protocol/muc#admin';
export const NS_MUC_OWNER = 'http://jabber.org/protocol/muc#owner';
export const NS_OCCUPANT_ID = 'urn:xmpp:occupant-id:0';
const SHOWS = new Set(['chat', 'away', 'xa', 'dnd']);
const MAX_ID = 256;

const short = (value: string | undefined): string | undefined => (value && value.length <= MAX_ID ? value : undefined);

/** The room and nick of a from address like room@service/nick. */
export function splitOccupant(from: string | undefined): { room: BareJid; nick: string } | undefined {
  const full = toFullJid(from ?? '');
  if (!full) return undefined;
  const slash = full.indexOf('/');
  const room = toBareJid(full.slice(0, slash));
  return room ? { room, nick: full.slice(slash + 1) } : undefined;
}

export type MucPresence =
  | { kind: 'available'; room: BareJid; occupant: Occupant; codes: Set<string> }
  | {
      kind: 'unavailable';
      room: BareJid;
      nick: string;
      codes: Set<string>;
      newNick: string | undefined;
      reason: string;
    }
  | { kind: 'error'; room: BareJid; nick: string; condition: string; text: string };

/** Presence from a room occupant (it carries muc#user), or a room's error answer to our join. */
export function parseMucPresence(stanza: Element): MucPresence | undefined {
  const where = splitOccupant(stanza.attrs.from);
  if (!where) return undefined;
  if (stanza.attrs.type === 'error') {
    const error = stanza.getChild('error');
    const condition = error?.getChildElements().find((c) => c.name !== 'text')?.name ?? 'undefined-condition';
    return { kind: 'error', ...where, condition, text: error?.getChildText('text') ?? '' };
  }
  const x = stanza.getChild('x', NS_MUC_USER);
  if (!x) return undefined;
  const item = x.getChild('item');
  const codes = new Set(x.getChildren('status').map((s) => s.attrs.code ?? ''));
  if (stanza.attrs.type === 'unavailable') {
    return {
      kind: 'unavailable',
      ...where,
      codes,
      newNick: item?.attrs.nick,
      reason: item?.getChildText('reason') ?? '',
    };
  }
  if (stanza.attrs.type !== undefined) return undefined;
  const role = (ROLES as readonly string[]).includes(item?.attrs.role ?? '') ? (item?.attrs.role as Role) : 'none';
  const affiliation = (AFFILIATIONS as readonly string[]).includes(item?.attrs.affiliation ?? '')
    ? (item?.attrs.affiliation as Affiliation)
    : 'none';
  const show = stanza.getChildText('show') ?? '';
  const jid = toBareJid(item?.attrs.jid ?? '');
  const occupantId = short(stanza.getChild('occupant-id', NS_OCCUPANT_ID)?.attrs.id);
  const avatar = parsePhotoUpdate(stanza);
  return {
    kind: 'available',
    room: where.room,
    codes,
    occupant: {
      nick: where.nick,
      role,
      affiliation,
      show: SHOWS.has(show) ? (show as Occupant['show']) : 'online',
      status: stanza.getChildText('status') ?? '',
      ...(jid ? { jid } : {}),
      ...(occupantId ? { occupantId } : {}),
      ...(avatar ? { avatar } : {}),
    },
  };
}

export interface GroupMessage {
  room: BareJid;
  nick: string;
  body: string;
  subject: string | undefined;
  originId: string | undefined;
  /** The room's archive id (stanza-id by the room JID). */
  stanzaId: string | undefined;
  occupantId: string | undefined;
  timestamp: number | undefined;
  replaces: string | undefined;
  retracts: string | undefined;
  oobUrl: string | undefined;
}

/** A type=groupchat message from a room (a subject change has no nick or no body). */
export function parseGroupMessage(stanza: Element): GroupMessage | undefined {
  if (stanza.attrs.type !== 'groupchat') return undefined;
  const from = stanza.attrs.from ?? '';
  const where = splitOccupant(from) ?? (toBareJid(from) ? { room: toBareJid(from) as BareJid, nick: '' } : undefined);
  if (!where) return undefined;
  const subjectElement = stanza.getChild('subject');
  return {
    ...where,
    body: bodyOf(stanza) ?? '',
    subject: subjectElement ? subjectElement.text() : undefined,
    originId: short(stanza.getChild('origin-id', NS_SID)?.attrs.id),
    stanzaId: short(
      stanza
        .getChildren('stanza-id', NS_SID)
        .filter((s) => s.attrs.by === where.room)
        .at(-1)?.attrs.id,
    ),
    occupantId: short(stanza.getChild('occupant-id', NS_OCCUPANT_ID)?.attrs.id),
    timestamp: parseDelay(stanza),
    replaces: short(stanza.getChild('replace', NS_CORRECT)?.attrs.id),
    retracts: short(stanza.getChild('retract', NS_RETRACT)?.attrs.id),
    oobUrl: oobUrlOf(stanza),
  };
}

/** Whether a message mentions a nick: the nick as a whole word, any case. */
export function mentions(body: string, nick: string): boolean {
  if (!nick) return false;
  const escaped = nick.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
  return new RegExp(`(^|[^\\p{L}\\p{N}_])${escaped}($|[^\\p{L}\\p{N}_])`, 'iu').test(body);
}

const NS_FASTEN = 'urn:xmpp:fasten:0';
const NS_MODERATE_0 = 'urn:xmpp:message-moderate:0';
const NS_MODERATE_1 = 'urn:xmpp:message-moderate:1';
const NS_RETRACT_0 = 'urn:xmpp:message-retract:0';

/**
 * A moderator's retraction (XEP-0425), announced by the room itself: the stanza-id of the removed
 * message and who removed it. Both the deployed v0 (fastening) and v1 shapes are read.
 */
export function parseModeration(
  stanza: Element,
): { room: BareJid; stanzaId: string; by: string; reason: string } | undefined {
  const room = toBareJid(stanza.attrs.from ?? '');
  if (!room || stanza.attrs.from !== room || stanza.attrs.type !== 'groupchat') return undefined;
  const applyTo = stanza.getChild('apply-to', NS_FASTEN);
  const moderated0 = applyTo?.getChild('moderated', NS_MODERATE_0);
  if (applyTo && moderated0?.getChild('retract', NS_RETRACT_0)) {
    const stanzaId = short(applyTo.attrs.id);
    return stanzaId
      ? { room, stanzaId, by: moderated0.attrs.by ?? '', reason: moderated0.getChildText('reason') ?? '' }
      : undefined;
  }
  const retract = stanza.getChild('retract', NS_RETRACT);
  const moderated1 = retract?.getChild('moderated', NS_MODERATE_1);
  const stanzaId = short(retract?.attrs.id);
  return moderated1 && stanzaId
    ? { room, stanzaId, by: moderated1.attrs.by ?? '', reason: retract?.getChildText('reason') ?? '' }
    : undefined;
}

/** The request a moderator sends to retract someone's message (XEP-0425, the version Prosody's module speaks). */
export function buildModeration(stanzaId: string, reason: string | undefined): Element {
  return xml(
    'apply-to',
    { xmlns: NS_FASTEN, id: stanzaId },
    xml(
      'moderate',
      { xmlns: NS_MODERATE_0 },
      xml('retract', { xmlns: NS_RETRACT_0 }),
      reason ? xml('reason', {}, reason) : undefined,
    ),
  );
}

const CHAT_STATE_NAMES = ['active', 'composing', 'paused', 'inactive', 'gone'] as const;

/** A typing notification in a room (no body): who and what. */
export function parseGroupChatState(
  stanza: Element,
): { room: BareJid; nick: string; state: (typeof CHAT_STATE_NAMES)[number] } | undefined {
  if (stanza.attrs.type !== 'groupchat' || bodyOf(stanza) !== undefined) return undefined;
  const where = splitOccupant(stanza.attrs.from);
  const state = CHAT_STATE_NAMES.find((s) => stanza.getChild(s, 'http://jabber.org/protocol/chatstates'));
  return where && state ? { ...where, state } : undefined;
}

/** A room's notice that its configuration changed (status 104): its name or privacy may be new. */
/** Why we are out of a room, from the status codes of our own unavailable presence. */
export function leaveReason(codes: ReadonlySet<string>, text: string | undefined): string {
  const reason = codes.has('301')
    ? 'banned'
    : codes.has('307')
      ? 'kicked'
      : codes.has('321')
        ? 'affiliation changed'
        : codes.has('332')
          ? 'service shut down'
          : 'left';
  return text ? `${reason}: ${text}` : reason;
}

export function configChangedRoom(stanza: Element): BareJid | undefined {
  if (stanza.attrs.type !== 'groupchat') return undefined;
  const codes = stanza.getChild('x', NS_MUC_USER)?.getChildren('status') ?? [];
  return codes.some((c) => c.attrs.code === '104') ? toBareJid(stanza.attrs.from ?? '') : undefined;
}
