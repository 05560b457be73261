// System notifications (the browser's Notification API; in the desktop app Electron shows them as the
// OS's own): one per chat, replaced as more arrive (the same tag), a click brings the chat to front.
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import type { RoomInvitation } from '../../shared/model/muc.ts';
import { translator } from '../i18n/translate.ts';
import { openChat } from '../store/actions.ts';
import { chatKey } from '../store/chats.ts';
import { getState } from '../store/index.ts';
import { isMuted } from '../store/settings.ts';
import { displayName } from '../roster/rosterView.ts';
import { type Burst, Coalescer } from './coalescer.ts';
import { notificationFor, type NotifyContent } from './notifyPolicy.ts';
import { chime } from './chime.ts';

interface Pending {
  account: AccountId;
  /** The chat a click opens; the account itself for requests and invitations (no chat). */
  peer: BareJid;
  content: NotifyContent;
}

function show(burst: Burst<Pending>): void {
  const { settings } = getState();
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  const t = translator(settings.language);
  const { content, account, peer } = burst.last;
  const title =
    content.kind === 'hidden' ? t('app.name') : content.kind === 'request' ? t('notify.request') : content.sender;
  const many = burst.count > 1 ? t('notify.count', { count: burst.count }) : '';
  const body =
    content.kind === 'message'
      ? content.text
      : content.kind === 'encrypted'
        ? t('notify.encrypted')
        : content.kind === 'request'
          ? t('notify.requestFrom', { sender: content.sender })
          : t('notify.hidden');
  const notification = new Notification(title, {
    body: many && content.kind !== 'hidden' ? `${many}\n${body}` : body || many,
    tag: burst.key,
    silent: true,
  });
  notification.onclick = () => {
    window.focus();
    notification.close();
    if (peer !== account) void openChat(account, peer).catch(() => undefined);
  };
  if (settings.notifySound) chime();
}

const coalescer = new Coalescer<Pending>(show);

const inFront = (): boolean => document.visibilityState === 'visible' && document.hasFocus();

/** Chats whose notification waits are dropped when the chat is opened. */
export function chatOpened(account: AccountId, peer: BareJid): void {
  coalescer.drop(chatKey(account, peer));
}

export function notifyMessage(message: ChatMessage): void {
  const state = getState();
  const key = chatKey(message.account, message.peer);
  const roster = state.roster[message.account] ?? [];
  const item = roster.find((i) => i.jid === message.peer);
  const room = message.groupchat ? state.rooms[message.account]?.[message.peer] : undefined;
  const presence = state.accounts.find((a) => a.id === message.account)?.presence.show;
  const open = state.openChat;
  const sender = message.groupchat
    ? `${message.from} (${room?.name || message.peer})`
    : item
      ? displayName(item)
      : message.peer;
  const content = notificationFor(message, sender, {
    enabled: state.settings.notifications,
    onScreen: open?.account === message.account && open.peer === message.peer && inFront(),
    doNotDisturb: presence === 'dnd',
    muted: isMuted(state.settings.muted[key], Date.now()),
    stranger: !message.groupchat && !message.peer.includes('/') && !item,
    roomMode: state.settings.roomNotify[key] ?? 'mentions',
    privacy: state.settings.notifyPrivacy,
    now: Date.now(),
  });
  if (content) coalescer.add(key, { account: message.account, peer: message.peer, content });
}

/** Contact requests and invitations: notified unless Do not disturb or notifications are off. */
export function notifyRequest(account: AccountId, from: BareJid, invitation?: RoomInvitation): void {
  const state = getState();
  const presence = state.accounts.find((a) => a.id === account)?.presence.show;
  if (!state.settings.notifications || presence === 'dnd' || inFront()) return;
  const sender = invitation ? `${from} → ${invitation.room}` : from;
  const content: NotifyContent =
    state.settings.notifyPrivacy === 'none' ? { kind: 'hidden' } : { kind: 'request', sender };
  // A click shows the app, where requests and invitations wait on top of the roster.
  coalescer.add(`request ${account} ${from}`, { account, peer: account, content });
}
