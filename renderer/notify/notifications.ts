// System notifications (in the desktop app the main process shows them as the OS's own; in the web mode
// the browser's Notification API): one per chat, replaced as more arrive (the same tag), a click brings
// the chat to front.
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
import { desktop } from '../ipc/desktop.ts';
import { useAvatarStore } from '../avatars/avatarStore.ts';

interface Pending {
  account: AccountId;
  /** The chat a click opens; the account itself for requests and invitations (no chat). */
  peer: BareJid;
  content: NotifyContent;
}

/** What a desktop notification's click opens, by tag (the latest per chat). */
const clickTargets = new Map<string, Pending>();

function openFromNotification(target: Pending): void {
  if (target.peer !== target.account) void openChat(target.account, target.peer).catch(() => undefined);
}

/** The main process says a notification was clicked (it already brought the window to front). */
export function desktopNotificationClicked(tag: string): void {
  const target = clickTargets.get(tag);
  clickTargets.delete(tag);
  if (target) openFromNotification(target);
}

function show(burst: Burst<Pending>): void {
  const { settings } = getState();
  if (!desktop && (typeof Notification === 'undefined' || Notification.permission !== 'granted')) return;
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
  const text = many && content.kind !== 'hidden' ? `${many}\n${body}` : body || many;
  if (settings.notifySound) chime();
  // The sender's avatar as the icon, unless the notification hides who wrote.
  const avatars = useAvatarStore.getState();
  const avatar = content.kind === 'hidden' ? undefined : avatars.hashes[peer];
  if (desktop) {
    clickTargets.set(burst.key, burst.last);
    void desktop.notify({ tag: burst.key, title, body: text, ...(avatar ? { avatar } : {}) }).catch(() => undefined);
    return;
  }
  const icon = avatar ? avatars.urls[avatar] : undefined;
  const notification = new Notification(title, { body: text, tag: burst.key, silent: true, ...(icon ? { icon } : {}) });
  notification.onclick = () => {
    window.focus();
    notification.close();
    openFromNotification({ account, peer, content });
  };
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
