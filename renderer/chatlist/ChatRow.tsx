// One conversation in the chat list: avatar, name, preview, time, unread and mention badges, draft,
// muted and pinned marks, the account's colour with several accounts, and its menu.
import { callEntryText } from '../calls/callEntryText.ts';
import { memo, useState } from 'react';
import type { Conversation } from '../../shared/model/conversation.ts';
import { Avatar } from '../components/Avatar.tsx';
import { type MenuEntry, PopupMenu } from '../components/PopupMenu.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { accountColor } from '../accounts/AccountsSection.tsx';
import { openChat } from '../store/actions.ts';
import { chatKey } from '../store/chats.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { isMuted } from '../store/settings.ts';
import { setMute } from '../notify/MuteControl.tsx';
import { listTime, type Preview, previewOf } from './chatListView.ts';

function PreviewText({ preview }: { preview: Preview }) {
  const t = useT();
  const prefix = (own: boolean, sender?: string): string =>
    own ? `${t('chatList.you')}: ` : sender ? `${sender}: ` : '';
  switch (preview.kind) {
    case 'none':
      return <>{t('chatList.noMessages')}</>;
    case 'draft':
      return (
        <>
          <span className="draft-mark">{t('chatList.draft')}:</span> {preview.text}
        </>
      );
    case 'text':
      return <>{`${prefix(preview.own, preview.sender)}${preview.text}`}</>;
    case 'file':
      return <>{`${prefix(preview.own, preview.sender)}📎 ${preview.name}`}</>;
    case 'encrypted':
      return <>{`${prefix(preview.own)}${t('notify.encrypted')}`}</>;
    case 'otr':
      return <>{`${prefix(preview.own)}${t('chatList.otr')}`}</>;
    case 'retracted':
      return <>{`${prefix(preview.own)}${t('chatList.retracted')}`}</>;
    case 'call':
      return <>{`📞 ${callEntryText(t, preview.call, preview.own)}`}</>;
  }
}

type Props = { conversation: Conversation; name: string; selected: boolean; unread: number; multiAccount: boolean };

export const ChatRow = memo(function ChatRow({ conversation: c, name, selected, unread, multiAccount }: Props) {
  const t = useT();
  const language = useAppStore((s) => s.settings.language);
  const accountChosenColor = useAppStore((s) => s.accounts.find((a) => a.id === c.account)?.color);
  const key = chatKey(c.account, c.peer);
  const muted = useAppStore((s) => isMuted(s.settings.muted[key], Date.now()));
  const [menuSignal, setMenuSignal] = useState(0);
  const preview = previewOf(c);
  const dot = unread === 0 && c.markedUnread;
  const mentions = unread > 0 ? c.mentions : 0;
  const target = { account: c.account, peer: c.peer };
  const entries: MenuEntry[] = [
    {
      label: c.pinned ? t('chatList.unpin') : t('chatList.pin'),
      onSelect: () => void call('chat.setPinned', { ...target, pinned: !c.pinned }).catch(() => undefined),
    },
    unread > 0 || c.markedUnread
      ? { label: t('chatList.markRead'), onSelect: () => void call('chat.markRead', target).catch(() => undefined) }
      : {
          label: t('chatList.markUnread'),
          onSelect: () => void call('chat.setUnread', { ...target, unread: true }).catch(() => undefined),
        },
    ...(muted
      ? [{ label: t('chatList.unmute'), onSelect: () => setMute(key, 'off') }]
      : [
          { label: t('mute.hour'), onSelect: () => setMute(key, 1) },
          { label: t('mute.eight'), onSelect: () => setMute(key, 8) },
          { label: t('mute.always'), onSelect: () => setMute(key, 'always') },
        ]),
    {
      label: t('export.chat'),
      onSelect: () => openDialog({ kind: 'export', account: c.account, peer: c.peer }),
    },
    {
      label: t('chatList.close'),
      danger: true,
      onSelect: () => void call('chat.close', target).catch(() => undefined),
    },
  ];
  const time = c.last ? listTime(c.last.timestamp, language === 'de' ? 'de-DE' : 'en-GB') : '';
  const described = [
    name,
    unread ? t('roster.unread', { count: unread }) : '',
    mentions ? t('rooms.mentions', { count: mentions }) : '',
    dot ? t('chatList.markedUnread') : '',
    c.pinned ? t('chatList.pinned') : '',
    muted ? t('chatList.muted') : '',
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <li
      className={`chat-row${selected ? ' selected' : ''}`}
      style={multiAccount ? { borderLeftColor: accountColor({ id: c.account, color: accountChosenColor }) } : undefined}
      onContextMenu={(e) => {
        e.preventDefault();
        setMenuSignal(Date.now());
      }}
    >
      <button
        type="button"
        className="chat-row-open"
        aria-current={selected ? 'true' : undefined}
        aria-label={described}
        onClick={() => void openChat(c.account, c.peer)}
      >
        <span className="contact-avatar">
          <Avatar jid={c.peer} name={c.kind === 'room' ? `#${name}` : name} />
        </span>
        <span className="contact-text">
          <span className="chat-row-top">
            <span className="contact-name">{name}</span>
            <span className="chat-row-marks" aria-hidden="true">
              {c.pinned ? '📌' : ''}
              {muted ? '🔕' : ''}
            </span>
            <span className="chat-row-time">{time}</span>
          </span>
          <span className="chat-row-bottom">
            <span className="contact-status">
              <PreviewText preview={preview} />
            </span>
            {mentions > 0 ? <span className="badge mention-badge">@</span> : null}
            {unread > 0 ? <span className="badge">{unread > 99 ? '99+' : unread}</span> : null}
            {dot ? <span className="badge unread-dot" /> : null}
          </span>
        </span>
      </button>
      <PopupMenu label={t('chatList.menu', { name })} entries={entries} openSignal={menuSignal}>
        ⋯
      </PopupMenu>
    </li>
  );
});
