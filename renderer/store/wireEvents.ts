import type { Account } from '../../shared/model/account.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { bridge, call } from '../ipc/client.ts';
import { loadAccountData } from './actions.ts';
import { addMessages, chatKey, clearUnread, countUnread, replaceMessage, setDelivery, withTyping } from './chats.ts';
import type { ContactPresence } from '../../shared/model/presence.ts';
import type { AccountId } from '../../shared/model/account.ts';
import { frameBatch, settledFrames, throttledFrames } from './frameBatch.ts';
import { withDownloadProgress } from './files.ts';
import {
  type OccupantBatch,
  occupantRepaintMs,
  withOccupantBatches,
  withoutInvitation,
  withoutRoom,
  withRoom,
} from './rooms.ts';
import { type AppState, getState, setState } from './index.ts';
import { omemoChanged } from './omemo.ts';
import { encryptionChanged } from './encryption.ts';
import type { Conversation } from '../../shared/model/conversation.ts';
import { conversationsChanged, loadConversations, markConversationRead } from './conversations.ts';
import { withConnectionState, withPresenceEvents } from './presence.ts';
import { type Change, recordLive } from './snapshot.ts';
import { avatarChanged, loadAvatars } from '../avatars/avatarStore.ts';

/**
 * A login brings a presence per contact, a flood the window would otherwise repaint for every few dozen
 * (each repaint taking CPU from the engine and the server that bring the rest): the roster repaints once
 * they pause for this long, and at least every PRESENCE_MAX_WAIT_MS while they keep coming. The pause is
 * also what the last presence waits before it is painted: 15 ms painted a 2,000-presence flood 37 ms (median)
 * after its last presence against 49 ms with 30 ms, and the flood itself came no slower.
 */
const PRESENCE_QUIET_MS = 15;
const PRESENCE_MAX_WAIT_MS = 250;

const windowSeen = (): boolean => document.visibilityState === 'visible';

/** `settleMessages` applies the messages received and still waiting for a frame. */
function accountsChanged(accounts: Account[], settleMessages: () => void): void {
  const known = new Set(getState().accounts.map((a) => a.id));
  const ids = new Set(accounts.map((a) => a.id));
  setState((s) => ({
    accounts,
    conversations: Object.fromEntries(Object.entries(s.conversations).filter(([, c]) => ids.has(c.account))),
    loaded: true,
    activeAccount: accounts.some((a) => a.id === s.activeAccount) ? s.activeAccount : accounts[0]?.id,
  }));
  for (const account of accounts)
    if (!known.has(account.id)) {
      void loadAccountData(account.id).catch(() => undefined);
      void loadAvatars(account.id).catch(() => undefined);
    }
  if (accounts.some((a) => !known.has(a.id))) void loadConversations(settleMessages).catch(() => undefined);
}

/** A change from an event about one account's snapshot data: applied now, and kept for a snapshot being loaded. */
function live(account: AccountId, change: Change): void {
  setState(change);
  recordLive(account, change);
}

/** A batch of events for several accounts: applied at once, and each account's part kept for its snapshot. */
function liveBatch<T extends { account: AccountId }>(
  events: readonly T[],
  change: (batch: readonly T[]) => Change,
): void {
  setState(change(events));
  for (const account of new Set(events.map((e) => e.account)))
    recordLive(account, change(events.filter((e) => e.account === account)));
}

/** The one place that subscribes to engine events. */
export function wireEvents(): () => void {
  // A busy room or a catch-up brings many messages at once: one state change per frame.
  const messageAdded = frameBatch<ChatMessage>(
    (messages) => {
      const isOpen = (s: AppState, m: ChatMessage): boolean =>
        s.openChat?.account === m.account && s.openChat.peer === m.peer;
      // Read on arrival (the chat is on screen): told to the engine once per chat, outside the state update.
      const before = getState();
      const seen = new Map<string, ChatMessage>();
      for (const m of messages)
        if (m.direction === 'in' && isOpen(before, m) && windowSeen()) seen.set(chatKey(m.account, m.peer), m);
      setState((s) => {
        let { unread, typing } = s;
        const byChat = new Map<string, ChatMessage[]>();
        for (const message of messages) {
          const key = chatKey(message.account, message.peer);
          const batch = byChat.get(key);
          if (batch) batch.push(message);
          else byChat.set(key, [message]);
          unread = countUnread(unread, message, isOpen(s, message) && windowSeen());
          if (message.direction === 'in') typing = withTyping(typing, key, false);
        }
        const chats = { ...s.chats };
        for (const [key, batch] of byChat) {
          const log = chats[key];
          if (log) chats[key] = addMessages(log, batch);
        }
        return { chats, unread, typing };
      });
      for (const m of seen.values()) markConversationRead(m.account, m.peer);
    },
    undefined,
    1000,
  );
  const settleMessages = (): void => messageAdded.now();
  const conversationChanged = frameBatch<{ conversation: Conversation }>((events) =>
    conversationsChanged(events.map((e) => e.conversation)),
  );
  const occupantsChanged = frameBatch<OccupantBatch>(
    (events) => liveBatch(events, (batch) => (s) => ({ occupants: withOccupantBatches(s.occupants, batch) })),
    throttledFrames(() => {
      const { rooms, occupants } = getState();
      return occupantRepaintMs(rooms, occupants);
    }),
  );
  const presenceChanged = frameBatch<{ account: AccountId; presence: ContactPresence }>(
    (events) => liveBatch(events, (batch) => (s) => ({ presence: withPresenceEvents(s.presence, batch) })),
    settledFrames(PRESENCE_QUIET_MS, PRESENCE_MAX_WAIT_MS),
  );
  call('account.list', {}).then(
    (accounts) => accountsChanged(accounts, settleMessages),
    (error: unknown) => setState({ loaded: true, engineError: error instanceof Error ? error.message : String(error) }),
  );
  const offs = [
    bridge.on('account.listChanged', (e) => accountsChanged(e.accounts, settleMessages)),
    bridge.on('connection.stateChanged', (e) => {
      // Nothing to reload when it comes online: the engine tells every change (roster, presence, rooms) as it happens.
      setState((s) => ({ accounts: withConnectionState(s.accounts, e.account, e.state) }));
    }),
    bridge.on('roster.changed', (e) => live(e.account, (s) => ({ roster: { ...s.roster, [e.account]: e.items } }))),
    bridge.on('presence.changed', presenceChanged),
    bridge.on('avatar.changed', (e) => avatarChanged(e.jid, e.hash)),
    bridge.on('files.progress', (e) =>
      setState((s) => ({ downloads: withDownloadProgress(s.downloads, e.url, e.received, e.total) })),
    ),
    bridge.on('message.added', messageAdded),
    bridge.on('chat.conversation', conversationChanged),
    bridge.on('message.changed', (message) => {
      messageAdded.now();
      setState((s) => {
        const key = chatKey(message.account, message.peer);
        const log = s.chats[key];
        return log ? { chats: { ...s.chats, [key]: replaceMessage(log, message) } } : {};
      });
    }),
    bridge.on('chat.stateChanged', (e) =>
      setState((s) => ({
        typing: withTyping(s.typing, chatKey(e.account, e.peer), e.state === 'composing', e.nick ?? ''),
      })),
    ),
    bridge.on('chat.read', (e) => setState((s) => ({ unread: clearUnread(s.unread, chatKey(e.account, e.peer)) }))),
    bridge.on('blocklist.changed', (e) => live(e.account, (s) => ({ blocked: { ...s.blocked, [e.account]: e.jids } }))),
    bridge.on('muc.roomChanged', (e) => {
      const was = getState().rooms[e.account]?.[e.room.jid]?.state.status;
      // Our own presence comes after every other occupant's (XEP-0045 §7.2.3): the list is complete.
      if (e.room.state.status === 'joined' && was !== 'joined') occupantsChanged.now();
      live(e.account, (s) => ({ rooms: withRoom(s.rooms, e.account, e.room) }));
    }),
    bridge.on('muc.roomRemoved', (e) => live(e.account, (s) => ({ rooms: withoutRoom(s.rooms, e.account, e.room) }))),
    bridge.on('muc.occupantsChanged', occupantsChanged),
    bridge.on('muc.invited', (e) =>
      setState((s) => ({
        invitations: [...withoutInvitation(s.invitations, e.invitation.room), { ...e.invitation, account: e.account }],
      })),
    ),
    bridge.on('bookmarks.changed', (e) =>
      live(e.account, (s) => ({ bookmarks: { ...s.bookmarks, [e.account]: e.bookmarks } })),
    ),
    bridge.on('omemo.changed', (e) => omemoChanged(e.account, e.peer)),
    bridge.on('omemo.changed', (e) => encryptionChanged(e.account, e.peer)),
    bridge.on('openpgp.changed', (e) => encryptionChanged(e.account, e.jid)),
    bridge.on('archive.status', ({ account, ...state }) =>
      live(account, (s) => ({ archive: { ...s.archive, [account]: state } })),
    ),
    bridge.on('message.updated', (e) => {
      // The message this updates may still wait in the frame's batch: it goes in first, or the update is lost
      // (seen as a room message that never showed "Delivered").
      messageAdded.now();
      setState((s) => {
        const chats = { ...s.chats };
        for (const [key, log] of Object.entries(chats))
          if (key.startsWith(`${e.account} `)) chats[key] = setDelivery(log, e.id, e.state);
        return { chats };
      });
    }),
  ];
  const onVisible = (): void => {
    void call('client.setActive', { active: windowSeen() }).catch(() => undefined);
    const open = getState().openChat;
    if (open && windowSeen()) markConversationRead(open.account, open.peer);
    if (open && windowSeen())
      setState((s) => ({
        unread: Object.fromEntries(Object.entries(s.unread).filter(([k]) => k !== chatKey(open.account, open.peer))),
      }));
  };
  document.addEventListener('visibilitychange', onVisible);
  return () => {
    for (const off of offs) off();
    document.removeEventListener('visibilitychange', onVisible);
  };
}
