// A conversation as the chat list shows it: a 1:1 chat, a room, or a private message in a room.
import type { AccountId } from './account.ts';
import type { BareJid } from './jid.ts';
import type { ChatMessage } from './message.ts';

export type ConversationKind = 'chat' | 'room' | 'private';

export interface Conversation {
  account: AccountId;
  /** A bare JID; room/nick for a private message in a room. */
  peer: BareJid;
  kind: ConversationKind;
  /** The newest message, if any. */
  last?: ChatMessage;
  /** For sorting: the newest message's time, or when the conversation was last touched. */
  activity: number;
  /** Incoming messages newer than what was read. */
  unread: number;
  /** Of those, how many mention us (rooms). */
  mentions: number;
  pinned: boolean;
  /** The user marked it unread (shown with a dot until opened). */
  markedUnread: boolean;
  /** Closed by the user: hidden until a newer message arrives. */
  closed: boolean;
  /** Text typed and not sent (kept across chat switches and restarts). */
  draft: string;
}

export const MAX_DRAFT_CHARS = 100_000;
