// What the UI asks the engine to do, with the state changes that go with it.
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { call } from '../ipc/client.ts';
import { addMessage, chatKey, clearUnread, EMPTY_LOG, prependPage } from './chats.ts';
import { getState, setState } from './index.ts';
import { withPresenceList } from './presence.ts';
import { markConversationRead } from './conversations.ts';
import { beginSnapshot, type Change, endSnapshot, snapshotWithReplay } from './snapshot.ts';

export const PAGE_SIZE = 100;

export async function loadAccountData(account: AccountId): Promise<void> {
  const buffer = beginSnapshot(account);
  try {
    await loadSnapshot(account, buffer);
  } finally {
    endSnapshot(account, buffer);
  }
}

async function loadSnapshot(account: AccountId, buffer: readonly Change[]): Promise<void> {
  const [items, presence, blocked, archive, rooms] = await Promise.all([
    call('roster.list', { account }),
    call('presence.list', { account }),
    call('blocklist.list', { account }),
    call('archive.state', { account }),
    call('muc.rooms', { account }),
  ]);
  const bookmarks = await call('bookmarks.list', { account }).catch(() => []);
  const gateways = await call('gateway.list', { account }).catch(() => []);
  const occupants = await Promise.all(
    rooms.map(
      async (r) =>
        [
          chatKey(account, r.jid),
          Object.fromEntries((await call('muc.occupants', { account, room: r.jid })).map((o) => [o.nick, o])),
        ] as const,
    ),
  );
  setState(
    snapshotWithReplay(buffer, (s) => ({
      roster: { ...s.roster, [account]: items },
      presence: withPresenceList(s.presence, account, presence),
      blocked: { ...s.blocked, [account]: blocked },
      archive: { ...s.archive, [account]: archive },
      rooms: { ...s.rooms, [account]: Object.fromEntries(rooms.map((r) => [r.jid, r])) },
      occupants: { ...s.occupants, ...Object.fromEntries(occupants) },
      bookmarks: { ...s.bookmarks, [account]: bookmarks },
      gateways: { ...s.gateways, [account]: gateways },
    })),
  );
}

/** After registering with a gateway or leaving one. */
export async function reloadGateways(account: AccountId): Promise<void> {
  const gateways = await call('gateway.list', { account });
  setState((s) => ({ gateways: { ...s.gateways, [account]: gateways } }));
}

/**
 * Tells the peer (and our other devices) how far the user has read: once per message, and in a busy
 * chat at most every couple of seconds (the newest one then).
 */
const lastMarked = new Map<string, string>();
const pendingMarks = new Map<string, ReturnType<typeof setTimeout>>();
const MARK_INTERVAL_MS = 2000;
export function markDisplayed(account: AccountId, peer: BareJid, id: string): void {
  const key = chatKey(account, peer);
  if (lastMarked.get(key) === id) return;
  lastMarked.set(key, id);
  if (pendingMarks.has(key)) return;
  void call('chat.markDisplayed', { account, peer, id }).catch(() => undefined);
  pendingMarks.set(
    key,
    setTimeout(() => {
      pendingMarks.delete(key);
      const newest = lastMarked.get(key);
      if (newest && newest !== id)
        void call('chat.markDisplayed', { account, peer, id: newest }).catch(() => undefined);
    }, MARK_INTERVAL_MS),
  );
}

export async function openChat(account: AccountId, peer: BareJid): Promise<void> {
  const key = chatKey(account, peer);
  // Asked before the chat is shown: the engine reads the page while the window renders the chat's frame (shown
  // first, the request waited for that render, 20 ms of a 10,000-message chat's opening).
  const loading = getState().chats[key] ? undefined : call('chat.history', { account, peer, limit: PAGE_SIZE });
  setState((s) => ({
    openChat: { account, peer, unreadAtOpen: s.unread[key] ?? 0 },
    activeAccount: account,
    unread: clearUnread(s.unread, key),
    dialog: undefined,
  }));
  markConversationRead(account, peer);
  if (!loading) return;
  setState((s) => ({ chats: { ...s.chats, [key]: { ...EMPTY_LOG, loadingOlder: true } } }));
  const page = await loading;
  setState((s) => {
    const live = s.chats[key]?.messages ?? [];
    const merged = live.reduce(addMessage, prependPage(EMPTY_LOG, page, PAGE_SIZE));
    return { chats: { ...s.chats, [key]: merged } };
  });
}

export async function loadOlder(account: AccountId, peer: BareJid): Promise<void> {
  const key = chatKey(account, peer);
  const log = getState().chats[key];
  if (!log || !log.hasOlder || log.loadingOlder) return;
  const oldest = log.messages[0];
  setState((s) => ({ chats: { ...s.chats, [key]: { ...log, loadingOlder: true } } }));
  const page = await call('chat.history', {
    account,
    peer,
    limit: PAGE_SIZE,
    ...(oldest ? { before: oldest.timestamp, beforeId: oldest.id } : {}),
  });
  setState((s) => ({ chats: { ...s.chats, [key]: prependPage(s.chats[key] ?? EMPTY_LOG, page, PAGE_SIZE) } }));
}

export async function sendMessage(account: AccountId, peer: BareJid, body: string, replyTo?: string): Promise<void> {
  const rooms = getState().rooms[account];
  const slash = peer.indexOf('/');
  const privateRoom = slash > 0 ? (peer.slice(0, slash) as BareJid) : undefined;
  const message = rooms?.[peer]
    ? await call('muc.send', { account, room: peer, body, ...(replyTo ? { replyTo } : {}) })
    : privateRoom && rooms?.[privateRoom]
      ? await call('muc.sendPrivate', { account, room: privateRoom, nick: peer.slice(slash + 1), body })
      : await call('chat.send', { account, to: peer, body, ...(replyTo ? { replyTo } : {}) });
  const key = chatKey(account, peer);
  setState((s) => ({ chats: { ...s.chats, [key]: addMessage(s.chats[key] ?? EMPTY_LOG, message) } }));
}

/** Accepting a request also asks for theirs and puts them in the roster, as Conversations and Dino do. */
export async function acceptRequest(account: AccountId, jid: BareJid): Promise<void> {
  await call('presence.approve', { account, jid });
  const item = getState().roster[account]?.find((i) => i.jid === jid);
  const seesThem = item?.subscription === 'to' || item?.subscription === 'both' || item?.pendingOut === true;
  if (!item || item.subscription === 'none') await call('roster.set', { account, jid });
  if (!seesThem) await call('presence.subscribe', { account, jid });
}

export async function addContact(account: AccountId, jid: BareJid, name: string, groups: string[]): Promise<void> {
  await call('roster.set', { account, jid, name, groups });
  await call('presence.subscribe', { account, jid });
  await call('presence.approve', { account, jid });
}
