// Sending to a room or to one of its occupants; in members-only, non-anonymous rooms encrypted with
// OMEMO for every member's devices (Conversations' and Gajim's rule), members taken from the
// affiliation lists where we may read them and from the occupants' real JIDs.
import { replyElements, wireBody } from '../../services/relationsOut.ts';
import type { ReplyTo } from '../../../../shared/model/message.ts';
import { randomUUID } from 'node:crypto';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { toBareJid } from '../../../../shared/model/jid.ts';
import type { ChatMessage, MessageEncryption } from '../../../../shared/model/message.ts';
import type { Occupant, ReactionRules, Room } from '../../../../shared/model/muc.ts';
import { parseReactionRules } from '../../xmpp/reactionRules.ts';
import type { Connection } from '../../account/connection.ts';
import type { MessageService } from '../../services/messages.ts';
import type { Store } from '../../store/index.ts';
import type { EndToEnd } from '../../xmpp/module.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import { NS_HINTS, oobElement } from '../chat/chat.build.ts';
import { NS_SID } from '../chat/chat.parse.ts';
import { NS_MUC_ADMIN, NS_MUC_USER } from './muc.parse.ts';
import { cachedMembers } from './memberCache.ts';
import { MucError } from './mucErrors.ts';

export interface RoomSendDeps {
  account: AccountId;
  xmpp: Connection;
  store: Store;
  messages: MessageService;
  e2e: EndToEnd | undefined;
}

export interface RoomTarget {
  room: Room;
  occupants: Map<string, Occupant>;
  ownOccupantId: string | undefined;
  /** Members-only and non-anonymous. */
  private?: boolean;
  privateCheckedAt?: number | undefined;
}

const NS_DISCO_INFO = 'http://jabber.org/protocol/disco#info';
const RECHECK_MS = 60_000;

/**
 * A room's disco#info: its own name, and whether it is private (members-only and non-anonymous), where
 * read markers are shared and OMEMO is used.
 */
export async function roomInfo(
  xmpp: Connection,
  room: BareJid,
): Promise<{ name: string; private: boolean; reactionRules: ReactionRules | undefined }> {
  const info = (await xmpp.iq('get', room, el('query', NS_DISCO_INFO), 10_000)).getChild('query', NS_DISCO_INFO);
  const features = new Set(info?.getChildren('feature').map((f) => f.attrs.var ?? ''));
  return {
    name: info?.getChildren('identity').find((i) => i.attrs.category === 'conference')?.attrs.name ?? '',
    private: features.has('muc_membersonly') && features.has('muc_nonanonymous'),
    reactionRules: info ? parseReactionRules(info) : undefined,
  };
}

/** A room's configuration can change (members-only, who sees real JIDs): looked up again at most once a minute. */
export async function refreshPrivacy(xmpp: Connection, target: RoomTarget): Promise<void> {
  if (target.privateCheckedAt !== undefined && Date.now() - target.privateCheckedAt < RECHECK_MS) return;
  target.private = (await roomInfo(xmpp, target.room.jid)).private;
  target.privateCheckedAt = Date.now();
}

/** Every member's real JID but ours: the affiliation lists (if the room lets us read them) and the occupants. */
export async function roomMembers(xmpp: Connection, room: BareJid, occupants: Iterable<Occupant>): Promise<BareJid[]> {
  const jids = new Set<BareJid>();
  for (const occupant of occupants) if (occupant.jid) jids.add(occupant.jid);
  const listed = await cachedMembers(xmpp, room, async (affiliation) => {
    try {
      const answer = await xmpp.iq('get', room, el('query', NS_MUC_ADMIN, {}, xml('item', { affiliation })));
      return (answer.getChild('query', NS_MUC_ADMIN)?.getChildren('item') ?? []).flatMap((item) => {
        const jid = toBareJid(item.attrs.jid ?? '');
        return jid ? [jid] : [];
      });
    } catch {
      return []; // Members may not read the lists: the occupants' JIDs are what we have.
    }
  });
  for (const jid of listed) jids.add(jid);
  if (xmpp.bareJid) jids.delete(xmpp.bareJid);
  return [...jids];
}

/** Whether messages to this room go encrypted: only private rooms, on unless the user turned it off. */
export const roomEncrypted = (deps: RoomSendDeps, target: RoomTarget): boolean =>
  deps.e2e !== undefined &&
  target.private === true &&
  (deps.store.omemo.chatEnabled(deps.account, target.room.jid) ?? true);

export async function sendToRoom(
  deps: RoomSendDeps,
  target: RoomTarget,
  body: string,
  oobUrl?: string,
  replyTo?: ReplyTo,
): Promise<ChatMessage> {
  const { account, xmpp, e2e } = deps;
  const room = target.room.jid;
  let sealed: Element[] | undefined;
  let encryption: MessageEncryption | undefined;
  if (e2e) await refreshPrivacy(xmpp, target).catch(() => undefined);
  if (e2e && roomEncrypted(deps, target)) {
    const members = await roomMembers(xmpp, room, target.occupants.values());
    encryption = await e2e.prepare(members, 'omemo');
    sealed = await e2e.seal(members, wireBody({ body, ...(replyTo ? { replyTo } : {}) }), 'omemo', [], room);
  }
  const id = randomUUID();
  const message: ChatMessage = {
    id,
    account,
    peer: room,
    direction: 'out',
    from: target.room.nick,
    body,
    timestamp: Date.now(),
    state: 'queued',
    originId: id,
    groupchat: true,
    ...(target.ownOccupantId ? { occupantId: target.ownOccupantId } : {}),
    ...(xmpp.bareJid ? { senderJid: xmpp.bareJid } : {}),
    ...(oobUrl ? { oobUrl } : {}),
    ...(encryption ? { encryption } : {}),
    ...(replyTo ? { replyTo } : {}),
  };
  deps.messages.store(message);
  await xmpp.send(
    xml(
      'message',
      { to: room, type: 'groupchat', id },
      ...(sealed ?? [xml('body', {}, wireBody(message)), oobElement(oobUrl)]),
      ...replyElements(message),
      el('origin-id', NS_SID, { id }),
    ),
  );
  return message;
}

/** A marker or chat state to the whole room, with the hint for the archive. */
export async function sendSignal(
  xmpp: Connection,
  room: BareJid,
  signal: Element,
  hint: 'store' | 'no-store',
): Promise<void> {
  await xmpp.send(xml('message', { to: room, type: 'groupchat', id: randomUUID() }, signal, el(hint, NS_HINTS)));
}

/**
 * A private message to an occupant (XEP-0045 §7.5): encrypted for the occupant's real JID (as Conversations
 * does) where the room's own messages are, so never in clear where the room is encrypted and it can be.
 */
export async function sendToOccupant(
  deps: RoomSendDeps,
  target: RoomTarget,
  nick: string,
  body: string,
  oobUrl?: string,
): Promise<ChatMessage> {
  const id = randomUUID();
  const peer = `${target.room.jid}/${nick}` as BareJid;
  const { e2e } = deps;
  if (e2e) await refreshPrivacy(deps.xmpp, target).catch(() => undefined);
  const real = target.occupants.get(nick)?.jid;
  let sealed: Element[] | undefined;
  let encryption: MessageEncryption | undefined;
  if (e2e && roomEncrypted(deps, target)) {
    if (!real) throw new MucError('not-allowed', 'This occupant’s address is hidden: the message cannot be encrypted');
    encryption = await e2e.prepare([real], 'omemo');
    sealed = await e2e.seal([real], body, 'omemo');
  }
  const message: ChatMessage = {
    id,
    account: deps.account,
    peer,
    direction: 'out',
    from: target.room.nick,
    body,
    timestamp: Date.now(),
    state: 'queued',
    originId: id,
    ...(oobUrl ? { oobUrl } : {}),
    ...(encryption ? { encryption } : {}),
  };
  deps.messages.store(message);
  await deps.xmpp.send(
    xml(
      'message',
      { to: peer, type: 'chat', id },
      ...(sealed ?? [xml('body', {}, body), oobElement(oobUrl)]),
      el('origin-id', NS_SID, { id }),
      el('x', NS_MUC_USER),
    ),
  );
  return message;
}

/** Whose device encrypted a room message: the sender's real JID (ours for our own). */
export function roomSender(
  target: RoomTarget,
  nick: string,
  own: boolean,
  ownJid: BareJid | undefined,
  stanza: Element,
  live = true,
): BareJid | undefined {
  if (own) return ownJid;
  const stated = toBareJid(stanza.getChild('x', NS_MUC_USER)?.getChild('item')?.attrs.jid ?? '');
  // Whoever holds the nick now says nothing about an archived message's sender.
  return live ? (target.occupants.get(nick)?.jid ?? stated) : stated;
}
