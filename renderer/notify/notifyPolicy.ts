// Which incoming messages deserve a system notification, and what it may say. Pure: the caller passes
// what the app knows (is the chat on screen, our presence, mutes, settings).
import type { ChatMessage } from '../../shared/model/message.ts';

export type NotifyPrivacy = 'full' | 'sender' | 'none';
export type RoomNotify = 'all' | 'mentions' | 'none';

export interface NotifyContext {
  enabled: boolean;
  /** The chat is open and the window is in front. */
  onScreen: boolean;
  /** Our presence is Do not disturb. */
  doNotDisturb: boolean;
  muted: boolean;
  /** The sender is not in the roster (1:1): a message request. */
  stranger: boolean;
  roomMode: RoomNotify;
  privacy: NotifyPrivacy;
  now: number;
}

/** The words a notification is made of (filled by the caller in the user's language). */
export type NotifyContent =
  | { kind: 'message'; sender: string; text: string }
  | { kind: 'encrypted'; sender: string }
  | { kind: 'request'; sender: string }
  | { kind: 'hidden' };

/** Older messages are history being synced, not news. */
export const NOTIFY_MAX_AGE_MS = 5 * 60_000;

export function notificationFor(message: ChatMessage, sender: string, ctx: NotifyContext): NotifyContent | undefined {
  if (!ctx.enabled || message.direction !== 'in' || ctx.onScreen || ctx.doNotDisturb || ctx.muted) return undefined;
  if (message.retracted || message.refusedCorrection || ctx.now - message.timestamp > NOTIFY_MAX_AGE_MS)
    return undefined;
  if (message.groupchat && (ctx.roomMode === 'none' || (ctx.roomMode === 'mentions' && !message.mention)))
    return undefined;
  if (ctx.privacy === 'none') return { kind: 'hidden' };
  // A stranger's words are not shown before the user chose to hear from them.
  if (ctx.stranger) return { kind: 'request', sender };
  if (ctx.privacy === 'sender') return { kind: 'request', sender };
  if (message.encryption?.error) return { kind: 'encrypted', sender };
  return { kind: 'message', sender, text: message.body.slice(0, 200) };
}
