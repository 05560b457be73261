// An open group chat: name and subject, the messages, the composer, and the occupants beside them.
import { useEffect, useState } from 'react';
import type { Account } from '../../shared/model/account.ts';
import type { Room } from '../../shared/model/muc.ts';
import { Avatar } from '../components/Avatar.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { Composer } from '../chat/Composer.tsx';
import { DropSection } from '../files/DropSection.tsx';
import { MessageList } from '../chat/MessageList.tsx';
import { SpeakingAs } from '../chat/SpeakingAs.tsx';
import { PopupMenu } from '../components/PopupMenu.tsx';
import { chatKey, EMPTY_LOG } from '../store/chats.ts';
import { openDialog, setState, useAppStore } from '../store/index.ts';
import { OccupantPanel } from './OccupantPanel.tsx';
import { roomName } from './RoomList.tsx';
import { EncryptionButton, EncryptionNotice } from '../omemo/EncryptionControl.tsx';
import { MuteControl } from '../notify/MuteControl.tsx';
import { askText, showNotice } from '../components/Confirmation.tsx';

export function RoomPane({ account, room }: { account: Account; room: Room }) {
  const t = useT();
  const log = useAppStore((s) => s.chats[chatKey(account.id, room.jid)]) ?? EMPTY_LOG;
  const [showOccupants, setShowOccupants] = useState(true);
  const typing = useAppStore((s) => s.typing[chatKey(account.id, room.jid)]);
  const bookmarked = useAppStore((s) => s.bookmarks[account.id]?.some((b) => b.room === room.jid) === true);
  const toggleBookmark = (): void => {
    const done = bookmarked
      ? call('bookmarks.remove', { account: account.id, room: room.jid })
      : call('bookmarks.set', {
          account: account.id,
          bookmark: { room: room.jid, name: room.name, nick: room.nick, autojoin: true },
        });
    done.catch(showNotice);
  };
  const name = roomName(room);
  useEffect(() => {
    if (room.mentions > 0) void call('muc.markRead', { account: account.id, room: room.jid }).catch(() => undefined);
  }, [room.mentions, account.id, room.jid]);
  const editSubject = (): void => {
    void askText(t('rooms.editSubject'), room.subject, t('notice.ok')).then(async (subject) => {
      if (subject !== undefined)
        await call('muc.setSubject', { account: account.id, room: room.jid, subject }).catch(showNotice);
    });
  };
  const state = room.state;
  return (
    <DropSection account={account.id} peer={room.jid} name={name} className="chat room-view">
      <header className="chat-header">
        <button
          type="button"
          className="icon-button back"
          aria-label={t('chat.back')}
          onClick={() => setState({ openChat: undefined })}
        >
          ←
        </button>
        <Avatar jid={room.jid} name={`#${name}`} size={40} />
        <div className="chat-title">
          <h2>{name}</h2>
          <span className="muted chat-jid">{room.jid}</span>
          <SpeakingAs account={account} />
          <p className="subject" aria-label={t('rooms.subject')}>
            {room.subject || t('rooms.noSubject')}
          </p>
        </div>
        <MuteControl account={account.id} peer={room.jid} room />
        <EncryptionButton account={account.id} peer={room.jid} room />
        <PopupMenu
          label={t('rooms.menu')}
          entries={[
            { label: t('rooms.editSubject'), onSelect: editSubject },
            {
              label: t('rooms.changeNick'),
              onSelect: () =>
                void askText(t('rooms.newNick'), room.nick, t('notice.ok')).then(async (nick) => {
                  if (nick?.trim() && nick.trim() !== room.nick)
                    await call('muc.setNick', { account: account.id, room: room.jid, nick: nick.trim() }).catch(
                      showNotice,
                    );
                }),
            },
            ...(room.affiliation === 'owner' || room.affiliation === 'admin'
              ? [
                  {
                    label: t('rooms.lists', { room: name }),
                    onSelect: () => openDialog({ kind: 'roomLists', room: room.jid }),
                  },
                ]
              : []),
            ...(room.affiliation === 'owner'
              ? [{ label: t('rooms.settings'), onSelect: () => openDialog({ kind: 'roomSettings', room: room.jid }) }]
              : []),
            { label: bookmarked ? t('rooms.unbookmark') : t('rooms.bookmark'), onSelect: toggleBookmark },
            { label: t('rooms.invite'), onSelect: () => openDialog({ kind: 'invite', room: room.jid }) },
          ]}
        >
          ⋯
        </PopupMenu>
        <button
          type="button"
          className="icon-button"
          aria-label={t('rooms.toggleOccupants')}
          aria-pressed={showOccupants}
          title={t('rooms.toggleOccupants')}
          onClick={() => setShowOccupants((v) => !v)}
        >
          ☰
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('rooms.leave')}
          title={t('rooms.leave')}
          onClick={() => {
            void call('muc.leave', { account: account.id, room: room.jid });
            setState({ openChat: undefined });
          }}
        >
          ⎋
        </button>
      </header>
      <EncryptionNotice account={account.id} peer={room.jid} />
      {state.status === 'joining' ? (
        <div className="banner info" role="status">
          {t('rooms.joining')}
        </div>
      ) : null}
      {state.status === 'left' || state.status === 'error' ? (
        <div className="banner warning" role="status">
          <span>{t('rooms.left', { reason: state.status === 'left' ? (state.reason ?? '') : state.message })}</span>
          <button
            type="button"
            onClick={() =>
              void call('muc.join', { account: account.id, room: room.jid, nick: room.nick }).catch(() => undefined)
            }
          >
            {t('rooms.rejoin')}
          </button>
        </div>
      ) : null}
      <div className="room-body">
        <div className="room-main">
          <MessageList
            key={room.jid}
            account={account.id}
            peer={room.jid}
            log={log}
            peerName={name}
            ownJid={account.jid}
            canModerate={room.role === 'moderator'}
          />
          {typing ? (
            <p className="typing" role="status">
              {t('chat.typing', { name: typing })}
            </p>
          ) : null}
          {state.status === 'joined' ? (
            <Composer key={`composer ${room.jid}`} account={account.id} peer={room.jid} peerName={name} />
          ) : (
            <p className="composer-closed muted" role="status">
              {t('rooms.cannotWrite')}
            </p>
          )}
        </div>
        {showOccupants ? <OccupantPanel account={account.id} room={room} /> : null}
      </div>
    </DropSection>
  );
}
