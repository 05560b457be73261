// The left pane's conversation list: every account's chats, rooms and room private messages, pinned
// first, then by last activity; a filter, and one place to start a chat, join a room or add a contact.
import { useMemo } from 'react';
import type { Conversation } from '../../shared/model/conversation.ts';
import { PopupMenu } from '../components/PopupMenu.tsx';
import { useT } from '../i18n/useT.ts';
import { roomName } from '../rooms/RoomList.tsx';
import { displayName } from '../roster/rosterView.ts';
import { chatKey } from '../store/chats.ts';
import { type AppState, openDialog, setState, useAppStore } from '../store/index.ts';
import { ChatRow } from './ChatRow.tsx';
import { orderConversations } from './chatListView.ts';

export function conversationName(state: AppState, c: Pick<Conversation, 'account' | 'peer' | 'kind'>): string {
  if (c.kind === 'private') {
    const slash = c.peer.indexOf('/');
    const room = state.rooms[c.account]?.[c.peer.slice(0, slash)];
    return `${c.peer.slice(slash + 1)} (${room ? roomName(room) : c.peer.slice(0, slash)})`;
  }
  const room = state.rooms[c.account]?.[c.peer];
  if (room) return roomName(room);
  const item = state.roster[c.account]?.find((i) => i.jid === c.peer);
  return item ? displayName(item) : c.peer;
}

export function ChatList() {
  const t = useT();
  const conversations = useAppStore((s) => s.conversations);
  const unread = useAppStore((s) => s.unread);
  const filter = useAppStore((s) => s.filter);
  const open = useAppStore((s) => s.openChat);
  const accounts = useAppStore((s) => s.accounts);
  const rooms = useAppStore((s) => s.rooms);
  const roster = useAppStore((s) => s.roster);
  const blocked = useAppStore((s) => s.blocked);
  const rows = useMemo(() => {
    const state = { rooms, roster } as AppState;
    const visible = Object.values(conversations).filter(
      (c) => !(c.kind === 'chat' && blocked[c.account]?.includes(c.peer)),
    );
    return orderConversations(visible).map((c) => ({ c, name: conversationName(state, c) }));
  }, [conversations, rooms, roster, blocked]);
  const needle = filter.trim().toLowerCase();
  const shown = needle
    ? rows.filter(({ c, name }) => name.toLowerCase().includes(needle) || c.peer.toLowerCase().includes(needle))
    : rows;
  const multiAccount = accounts.length > 1;
  const openKey = open ? chatKey(open.account, open.peer) : '';
  return (
    <nav className="chat-list" aria-label={t('chatList.label')}>
      <div className="roster-tools">
        <input
          type="search"
          aria-label={t('chatList.filter')}
          placeholder={t('roster.filterHint')}
          value={filter}
          onChange={(e) => setState({ filter: e.target.value })}
        />
        <PopupMenu
          label={t('chatList.new')}
          className="icon-button primary-ish"
          entries={[
            { label: t('chatList.newChat'), onSelect: () => openDialog({ kind: 'newChat' }) },
            { label: t('rooms.join'), onSelect: () => openDialog({ kind: 'joinRoom' }) },
            { label: t('rooms.create'), onSelect: () => openDialog({ kind: 'createRoom' }) },
            { label: t('roster.add'), onSelect: () => openDialog({ kind: 'addContact' }) },
            { label: t('services.open'), onSelect: () => openDialog({ kind: 'services' }) },
          ]}
        >
          +
        </PopupMenu>
      </div>
      <ul className="chat-rows">
        {shown.map(({ c, name }) => {
          const key = chatKey(c.account, c.peer);
          return (
            <ChatRow
              key={key}
              conversation={c}
              name={name}
              selected={key === openKey}
              unread={unread[key] ?? 0}
              multiAccount={multiAccount}
            />
          );
        })}
      </ul>
      {shown.length === 0 ? (
        <p className="muted empty">{needle ? t('roster.noMatch', { filter }) : t('chatList.empty')}</p>
      ) : null}
    </nav>
  );
}
