// XEP-0045 group chats: join (rejoined on every new session), occupants, messages with the room's
// archive (XEP-0313) as history, subject, nick changes, mentions, and self-ping (XEP-0410).
import type { ReplyTo } from '../../../../shared/model/message.ts';
import { NS_REACTIONS, relationsOf } from '../../xmpp/relations.ts';
import { randomUUID } from 'node:crypto';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { ChatMessage, ChatState } from '../../../../shared/model/message.ts';
import { NS_CHATSTATES, NS_MARKERS } from '../chat/chat.build.ts';
import type { Occupant, Room } from '../../../../shared/model/muc.ts';
import { createMessageService, type IncomingRecord } from '../../services/messages.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';
import { fetchRoomHistory } from './mucHistory.ts';
import {
  refreshPrivacy,
  roomEncrypted,
  roomInfo,
  roomSender,
  sendSignal,
  sendToOccupant,
  sendToRoom,
} from './mucSend.ts';
import { roomPresence } from './mucPresence.ts';
import { handleRoomSignal } from './mucSignals.ts';
import { sameRoomSender } from '../../services/editPolicy.ts';
import { configChangedRoom, leaveReason, mentions, NS_MUC, parseGroupMessage, parseMucPresence } from './muc.parse.ts';
import { joinErrorText, MucError, MucJoinError } from './mucErrors.ts';
import { occupantChanges } from './occupantChanges.ts';

const JOIN_TIMEOUT_MS = 20_000;
const NS_PING = 'urn:xmpp:ping';
const SELF_PING_INTERVAL_MS = 5 * 60_000;

/**
 * XEP-0410 §3: what a self-ping error says about our membership. Only these mean "not in the room";
 * a result, or an error the occupant's client gave (it does not answer pings), means we are still in.
 */
export function selfPingLostMembership(error: unknown): boolean {
  if (!(error instanceof StanzaError)) return false;
  return [
    'not-acceptable',
    'item-not-found',
    'not-allowed',
    'remote-server-not-found',
    'remote-server-timeout',
  ].includes(error.condition);
}

interface Entry {
  room: Room;
  password: string | undefined;
  occupants: Map<string, Occupant>;
  ownOccupantId: string | undefined;
  joined?: { resolve(room: Room): void; reject(error: Error): void } | undefined;
  created?: boolean;
  /** Members-only and non-anonymous: read markers are shared here, as Conversations does (and OMEMO is used). */
  private?: boolean;
  /** When sending last confirmed `private` (a room is often configured right after it is joined). */
  privateCheckedAt?: number | undefined;
}

export interface MucApi {
  /** With `configure`, a room this creates stays locked until its form is submitted (muc.submitConfig). */
  join(room: BareJid, nick: string, password?: string, configure?: boolean): Promise<Room>;
  leave(room: BareJid): Promise<void>;
  /** Looks up the room's name and privacy again (after its configuration changed). */
  refreshInfo(room: BareJid): Promise<Room>;
  rooms(): Room[];
  occupants(room: BareJid): Occupant[];
  /** With `oobUrl`, the body is a shared file's URL (XEP-0066). */
  send(room: BareJid, body: string, oobUrl?: string, replyTo?: ReplyTo): Promise<ChatMessage>;
  setSubject(room: BareJid, subject: string): Promise<void>;
  setNick(room: BareJid, nick: string): Promise<void>;
  markRead(room: BareJid): void;
  /** A read marker (XEP-0333) for the room's message with this archive id, in private groups only. */
  markDisplayed(room: BareJid, stanzaId: string): Promise<void>;
  /** Typing notifications to the room (XEP-0085); only while joined. */
  setChatState(room: BareJid, state: ChatState): Promise<void>;
  /** A private message to one occupant (XEP-0045 §7.5); the conversation's peer is room/nick. */
  /** Encrypted (OMEMO) when the room's messages are and the occupant's real JID is known. */
  sendPrivate(room: BareJid, nick: string, body: string, oobUrl?: string): Promise<ChatMessage>;
  /** An occupant's real JID, when the room shows it to us. */
  occupantJid(room: BareJid, nick: string): BareJid | undefined;
  /** Whether what we send to the room (or, with `nick`, privately to that occupant) goes encrypted. */
  encryptedFor(room: BareJid, nick?: string): Promise<boolean>;
  /** XEP-0410: asks the room whether we are still in it; rejoins the rooms that say no. */
  selfPing(): Promise<BareJid[]>;
}

export const muc: XmppModule<MucApi> = {
  id: 'xep-0045-muc',
  setup({ account, xmpp, lifecycle, store, emit, log, disco, e2e, ownPresence }) {
    const messages = createMessageService(account, store, emit);
    const sendDeps = { account, xmpp, store, messages, e2e };
    const rooms = new Map<BareJid, Entry>();
    disco.addFeature(NS_MUC);
    const occupants = occupantChanges(
      (batch) => emit('muc.occupantsChanged', { account, ...batch }),
      (room) => rooms.get(room)?.room.state.status === 'joining',
    );
    // A room's occupant changes go out before any change of the room itself, as they happened.
    const changed = (entry: Entry): void => {
      occupants.flush(entry.room.jid);
      emit('muc.roomChanged', { account, room: { ...entry.room } });
    };
    const noteMention = (entry: Entry): void => {
      entry.room = { ...entry.room, mentions: entry.room.mentions + 1 };
      changed(entry);
    };
    const entryOf = (jid: BareJid): Entry => {
      const entry = rooms.get(jid);
      if (!entry) throw new MucError('not-joined', `You are not in ${jid}`);
      return entry;
    };

    const offPresence = xmpp.onPresence((stanza) => {
      const p = parseMucPresence(stanza);
      const entry = p ? rooms.get(p.room) : undefined;
      if (!p || !entry) return;
      if (p.kind === 'error') {
        if (p.nick !== entry.room.nick || entry.room.state.status !== 'joining') return;
        const message = joinErrorText(p.condition);
        entry.room.state = { status: 'error', condition: p.condition, message };
        changed(entry);
        entry.joined?.reject(
          new MucJoinError(
            p.condition,
            p.text ? `${message} ${p.text}` : message,
            p.condition === 'conflict' ? `${entry.room.nick}_` : undefined,
          ),
        );
        entry.joined = undefined;
        return;
      }
      if (p.kind === 'available') {
        entry.occupants.set(p.occupant.nick, p.occupant);
        occupants.present(p.room, p.occupant);
        // Another session of our account in the room gets 110 too: once joined, only our own nick is us.
        if (p.codes.has('110') && (entry.room.state.status !== 'joined' || p.occupant.nick === entry.room.nick)) {
          if (p.codes.has('201')) entry.created = true;
          entry.room = {
            ...entry.room,
            nick: p.occupant.nick,
            role: p.occupant.role,
            affiliation: p.occupant.affiliation,
            state: { status: 'joined' },
          };
          entry.ownOccupantId = p.occupant.occupantId;
          changed(entry);
          entry.joined?.resolve(entry.room);
          entry.joined = undefined;
        }
        return;
      }
      const occupant = entry.occupants.get(p.nick);
      entry.occupants.delete(p.nick);
      if (occupant) occupants.gone(p.room, p.nick);
      if (!p.codes.has('110')) return;
      if (p.codes.has('303') && p.newNick) {
        entry.room = { ...entry.room, nick: p.newNick };
        store.rooms.put(account, p.room, p.newNick);
        changed(entry);
        return;
      }
      entry.room = { ...entry.room, state: { status: 'left', reason: leaveReason(p.codes, p.reason) } };
      for (const nick of entry.occupants.keys()) occupants.gone(p.room, nick);
      entry.occupants.clear();
      if (p.codes.has('301') || p.codes.has('307')) store.rooms.remove(account, p.room);
      changed(entry);
    });

    const ingestGroup = (stanza: Element, archived?: { id: string; timestamp: number | undefined }): boolean => {
      const m = parseGroupMessage(stanza);
      const entry = m ? rooms.get(m.room) : undefined;
      if (!m || !entry) return false;
      if (m.subject !== undefined && !m.body) {
        if (!archived) {
          entry.room = { ...entry.room, subject: m.subject };
          changed(entry);
        }
        return false;
      }
      if (!m.nick || (!m.body && !m.retracts && !stanza.getChild('reactions', NS_REACTIONS))) return false;
      const own =
        m.occupantId && entry.ownOccupantId ? m.occupantId === entry.ownOccupantId : m.nick === entry.room.nick;
      const target = m.replaces ?? m.retracts;
      const senderJid = roomSender(entry, m.nick, own, xmpp.bareJid, stanza, !archived);
      if (target) {
        // Only the original sender may change a message: the room vouches for who that is (occupant-id), else
        // the real JID where both are known; never the nick alone (anyone may take a nick once it is free).
        const original = store.messages.byOriginId(account, m.room, target);
        const same = original && sameRoomSender(original, { occupantId: m.occupantId, senderJid });
        if (original && !same) {
          log.warn('ignored a correction or retraction from someone else in a room', { room: m.room });
          return false;
        }
      }
      const stanzaId = archived?.id ?? m.stanzaId;
      const encrypted = e2e?.carries(stanza) === true;
      const mention = !own && !encrypted && mentions(m.body, entry.room.nick);
      const record = {
        peer: m.room,
        direction: own ? ('out' as const) : ('in' as const),
        from: m.nick,
        body: m.body,
        groupchat: true,
        timestamp: archived?.timestamp ?? m.timestamp ?? Date.now(),
        state: own ? ('delivered' as const) : ('received' as const),
        ...(m.originId ? { originId: m.originId } : {}),
        ...(stanzaId ? { stanzaId } : {}),
        ...(m.occupantId ? { occupantId: m.occupantId } : {}),
        ...(senderJid ? { senderJid } : {}),
        ...(mention ? { mention } : {}),
        ...(m.oobUrl && !encrypted ? { oobUrl: m.oobUrl } : {}),
        replaces: m.replaces,
        retracts: m.retracts,
        relations: relationsOf(stanza),
      };
      const sender = encrypted ? senderJid : undefined;
      // An encrypted message mentions us or not once it is decrypted.
      const decrypted = (r: IncomingRecord): boolean => {
        const named = !own && !r.encryption?.error && mentions(r.body, entry.room.nick);
        const stored = messages.ingest(named ? { ...r, mention: true } : r);
        if (stored && named && !archived) noteMention(entry);
        return stored;
      };
      if (e2e && sender) void e2e.receive(stanza, sender, record, decrypted);
      const isNew = encrypted ? false : messages.ingest(record);
      if (own && !isNew && m.originId) {
        const mine = store.messages.byOriginId(account, m.room, m.originId, 'out');
        if (mine && store.messages.advanceState(mine.id, 'delivered'))
          emit('message.updated', { account, id: mine.id, state: 'delivered' });
      }
      if (stanzaId) store.rooms.setLastArchiveId(account, m.room, stanzaId);
      if (isNew && mention && !archived) noteMention(entry);
      return isNew;
    };
    const offMessage = xmpp.onMessage((stanza) => {
      const reconfigured = rooms.get(configChangedRoom(stanza) ?? ('' as BareJid));
      if (reconfigured) void refreshInfo(reconfigured).catch(() => undefined);
      if (!handleRoomSignal(stanza, { account, store, emit, ownNick: (room) => rooms.get(room)?.room.nick }))
        ingestGroup(stanza);
    });

    // The room's own name for the list (the address stays the fallback), and whether it is private.
    const refreshInfo = async (entry: Entry): Promise<Room> => {
      const info = await roomInfo(xmpp, entry.room.jid);
      entry.private = info.private;
      entry.privateCheckedAt = Date.now();
      const name = info.name === entry.room.jid.split('@')[0] ? '' : info.name;
      const rules = info.reactionRules;
      if (name !== entry.room.name || JSON.stringify(rules) !== JSON.stringify(entry.room.reactionRules)) {
        const { reactionRules: _, ...rest } = entry.room;
        entry.room = { ...rest, name, ...(rules ? { reactionRules: rules } : {}) };
        changed(entry);
      }
      return { ...entry.room };
    };

    const fetchHistory = (room: BareJid): Promise<void> =>
      fetchRoomHistory({ account, xmpp, store }, room, ingestGroup);

    const join = async (jid: BareJid, nick: string, password?: string, configure = false): Promise<Room> => {
      const previous = rooms.get(jid);
      const entry: Entry = {
        room: {
          jid,
          nick,
          name: previous?.room.name ?? '',
          subject: previous?.room.subject ?? '',
          state: { status: 'joining' },
          role: 'none',
          affiliation: 'none',
          mentions: previous?.room.mentions ?? 0,
        },
        password,
        occupants: new Map(),
        ownOccupantId: undefined,
      };
      rooms.set(jid, entry);
      changed(entry);
      const joined = new Promise<Room>((resolve, reject) => {
        entry.joined = { resolve, reject };
        setTimeout(() => reject(new MucError('remote-server-timeout', `No answer from ${jid}`)), JOIN_TIMEOUT_MS);
      });
      // The room may answer before the send settles; a refusal then must not count as unhandled.
      joined.catch(() => undefined);
      const history = xml('history', { maxstanzas: '0' });
      const secret = password ? xml('password', {}, password) : undefined;
      await xmpp.send(roomPresence(ownPresence, `${jid}/${nick}`, el('x', NS_MUC, {}, history, secret)));
      const room = await joined;
      if (entry.created && configure) {
        entry.room = { ...entry.room, created: true };
        changed(entry);
      } else if (entry.created) {
        // A room we just created stays locked until configured: accept the defaults (an instant room).
        await xmpp
          .iq(
            'set',
            jid,
            el('query', 'http://jabber.org/protocol/muc#owner', {}, el('x', 'jabber:x:data', { type: 'submit' })),
          )
          .catch(() => undefined);
      }
      store.rooms.put(account, jid, room.nick);
      await refreshInfo(entry).catch(() => undefined);
      await fetchHistory(jid).catch((error: unknown) =>
        log.info('no room history', { room: jid, error: String(error) }),
      );
      return { ...entry.room };
    };

    // XEP-0410: a room can drop us without telling (a server restart, a lost presence); ask now and then.
    let pingTimer: NodeJS.Timeout | undefined;
    const schedulePings = (): void => {
      clearInterval(pingTimer);
      pingTimer = setInterval(() => {
        void api.selfPing().catch(() => undefined);
      }, SELF_PING_INTERVAL_MS);
      pingTimer.unref();
    };
    const offOnline = lifecycle.onOnline(async () => {
      schedulePings();
      await Promise.allSettled(store.rooms.list(account).map((r) => join(r.jid, r.nick, rooms.get(r.jid)?.password)));
    });
    const offBroadcast = ownPresence?.onBroadcast(() => {
      if (!ownPresence.current()) return; // the server tells the rooms we left
      for (const { room } of rooms.values())
        if (room.state.status === 'joined')
          void xmpp.send(roomPresence(ownPresence, `${room.jid}/${room.nick}`)).catch(() => undefined);
    });
    const offOffline = lifecycle.onOffline(() => {
      clearInterval(pingTimer);
      for (const entry of rooms.values()) {
        entry.room = { ...entry.room, state: { status: 'left', reason: 'offline' } };
        entry.occupants.clear();
        changed(entry);
      }
    });

    const api: MucApi & { dispose(): void } = {
      join: (room, nick, password, configure) => join(room, nick, password, configure),
      refreshInfo: (room) => refreshInfo(entryOf(room)),
      leave: async (room) => {
        const entry = rooms.get(room);
        store.rooms.remove(account, room);
        rooms.delete(room);
        occupants.flush(room);
        if (entry && xmpp.online)
          await xmpp.send(xml('presence', { to: `${room}/${entry.room.nick}`, type: 'unavailable' }));
        emit('muc.roomRemoved', { account, room });
      },
      rooms: () => [...rooms.values()].map((e) => ({ ...e.room })),
      occupants: (room) => [...(rooms.get(room)?.occupants.values() ?? [])],
      send: async (room, body, oobUrl, replyTo) => {
        const entry = entryOf(room);
        if (entry.room.state.status !== 'joined') throw new MucError('not-joined', `You are not in ${room} right now`);
        const message = await sendToRoom(sendDeps, entry, body, oobUrl, replyTo);
        if (store.messages.advanceState(message.id, 'sent'))
          emit('message.updated', { account, id: message.id, state: 'sent' });
        return store.messages.get(message.id) ?? message;
      },
      setSubject: async (room, subject) => {
        entryOf(room);
        await xmpp.send(xml('message', { to: room, type: 'groupchat', id: randomUUID() }, xml('subject', {}, subject)));
      },
      setNick: async (room, nick) => {
        entryOf(room);
        await xmpp.send(roomPresence(ownPresence, `${room}/${nick}`));
      },
      markDisplayed: async (room, stanzaId) => {
        const entry = rooms.get(room);
        if (!entry?.private || entry.room.state.status !== 'joined') return;
        await sendSignal(xmpp, room, el('displayed', NS_MARKERS, { id: stanzaId }), 'store');
      },
      setChatState: async (room, state) => {
        if (rooms.get(room)?.room.state.status !== 'joined') return;
        await sendSignal(xmpp, room, el(state, NS_CHATSTATES), 'no-store');
      },
      occupantJid: (room, nick) => rooms.get(room)?.occupants.get(nick)?.jid,
      encryptedFor: async (room, nick) => {
        const entry = rooms.get(room);
        if (!entry || entry.room.state.status !== 'joined') return false;
        await refreshPrivacy(xmpp, entry).catch(() => undefined);
        return roomEncrypted(sendDeps, entry) && (nick === undefined || entry.occupants.get(nick)?.jid !== undefined);
      },
      sendPrivate: async (room, nick, body, oobUrl) => {
        const entry = entryOf(room);
        if (entry.room.state.status !== 'joined') throw new MucError('not-joined', `You are not in ${room} right now`);
        const message = await sendToOccupant(sendDeps, entry, nick, body, oobUrl);
        if (store.messages.advanceState(message.id, 'sent'))
          emit('message.updated', { account, id: message.id, state: 'sent' });
        return store.messages.get(message.id) ?? message;
      },
      markRead: (room) => {
        const entry = rooms.get(room);
        if (entry && entry.room.mentions > 0) {
          entry.room = { ...entry.room, mentions: 0 };
          changed(entry);
        }
      },
      selfPing: async () => {
        const rejoined: BareJid[] = [];
        for (const entry of [...rooms.values()].filter((e) => e.room.state.status === 'joined')) {
          try {
            await xmpp.iq('get', `${entry.room.jid}/${entry.room.nick}`, el('ping', NS_PING), 10_000);
          } catch (error) {
            if (!selfPingLostMembership(error)) continue;
            rejoined.push(entry.room.jid);
            await join(entry.room.jid, entry.room.nick, entry.password).catch(() => undefined);
          }
        }
        return rejoined;
      },
      dispose: () => {
        clearInterval(pingTimer);
        occupants.dispose();
        offPresence();
        offMessage();
        offOnline();
        offOffline();
        offBroadcast?.();
        disco.removeFeature(NS_MUC);
      },
    };
    return api;
  },
};
