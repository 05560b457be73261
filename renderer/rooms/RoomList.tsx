// Group chats in the sidebar, above the contacts: unread and mention counts per room.
import type { Account } from '../../shared/model/account.ts';
import type { Room } from '../../shared/model/muc.ts';
import { Avatar } from '../components/Avatar.tsx';
import { useT } from '../i18n/useT.ts';
import { openChat } from '../store/actions.ts';
import { chatKey } from '../store/chats.ts';
import { openDialog, useAppStore } from '../store/index.ts';

const NO_ROOMS: Record<string, Room> = {};

export const roomName = (room: Pick<Room, 'jid' | 'name'>): string => room.name || room.jid.split('@')[0] || room.jid;

export function RoomList({ account }: { account: Account }) {
  const t = useT();
  const rooms = useAppStore((s) => s.rooms[account.id] ?? NO_ROOMS);
  const unread = useAppStore((s) => s.unread);
  const open = useAppStore((s) => s.openChat);
  const list = Object.values(rooms).sort((a, b) => roomName(a).localeCompare(roomName(b)));
  return (
    <section className="rooms" aria-label={t('rooms.label')}>
      <h3 className="rooms-title">
        <span>{t('rooms.label')}</span>
        <button
          type="button"
          className="icon-button"
          aria-label={t('rooms.join')}
          title={t('rooms.join')}
          onClick={() => openDialog({ kind: 'joinRoom' })}
        >
          +
        </button>
      </h3>
      {list.length === 0 ? (
        <p className="muted empty-rooms">{t('rooms.none')}</p>
      ) : (
        <ul>
          {list.map((room) => {
            const count = unread[chatKey(account.id, room.jid)] ?? 0;
            const selected = open?.peer === room.jid;
            return (
              <li
                key={room.jid}
                className={`contact room${selected ? ' selected' : ''}${room.state.status === 'joined' ? '' : ' offline'}`}
              >
                <button
                  type="button"
                  aria-current={selected ? 'true' : undefined}
                  aria-label={`${roomName(room)}${count ? `, ${t('roster.unread', { count })}` : ''}${room.mentions ? `, ${t('rooms.mentions', { count: room.mentions })}` : ''}`}
                  onClick={() => void openChat(account.id, room.jid)}
                >
                  <span className="contact-avatar">
                    <Avatar jid={room.jid} name={`#${roomName(room)}`} />
                  </span>
                  <span className="contact-text">
                    <span className="contact-name">{roomName(room)}</span>
                    <span className="contact-status">{room.subject || room.jid}</span>
                  </span>
                  {room.mentions > 0 ? <span className="badge mention-badge">@{room.mentions}</span> : null}
                  {count > 0 ? <span className="badge">{count > 99 ? '99+' : count}</span> : null}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
