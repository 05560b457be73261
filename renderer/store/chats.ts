// The chats slice's reducers: one log of loaded messages per conversation, plus unread counts.
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { type ChatMessage, DELIVERY_ORDER, type DeliveryState, type MessageId } from '../../shared/model/message.ts';

export type ChatKey = string;
export const chatKey = (account: AccountId, peer: BareJid): ChatKey => `${account} ${peer}`;

export interface ChatLog {
  /** Loaded messages, oldest first, each id once. */
  messages: ChatMessage[];
  /** False once a page came back shorter than asked: nothing older is stored. */
  hasOlder: boolean;
  loadingOlder: boolean;
}

export const EMPTY_LOG: ChatLog = { messages: [], hasOlder: true, loadingOlder: false };

/**
 * Adds a live message in timestamp order (usually at the end, after any with the same time). A known id
 * only takes the newer copy's delivery state when it is further along (a send's result can come after
 * the message itself arrived as an event).
 */
export function addMessage(log: ChatLog, message: ChatMessage): ChatLog {
  const known = log.messages.find((m) => m.id === message.id);
  if (known)
    return DELIVERY_ORDER[message.state] > DELIVERY_ORDER[known.state]
      ? setDelivery(log, known.id, message.state)
      : log;
  const messages = [...log.messages];
  let at = messages.length;
  while (at > 0 && message.timestamp < (messages[at - 1]?.timestamp ?? 0)) at--;
  messages.splice(at, 0, message);
  return { ...log, messages };
}

/** Adds a burst of live messages at once: one copy of the log, not one per message. */
export function addMessages(log: ChatLog, incoming: readonly ChatMessage[]): ChatLog {
  if (incoming.length === 1 && incoming[0]) return addMessage(log, incoming[0]);
  const known = new Set(log.messages.map((m) => m.id));
  const fresh = incoming.filter((m) => !known.has(m.id) && (known.add(m.id), true));
  if (fresh.length === 0) return log;
  const last = log.messages.at(-1)?.timestamp ?? Number.NEGATIVE_INFINITY;
  const inOrder = fresh.every((m, i) => m.timestamp >= (i === 0 ? last : (fresh[i - 1]?.timestamp ?? last)));
  const messages = inOrder
    ? [...log.messages, ...fresh]
    : [...log.messages, ...fresh].sort((a, b) => a.timestamp - b.timestamp);
  return { ...log, messages };
}

/** Merges a page of older history (oldest first) in front of what is loaded. */
export function prependPage(log: ChatLog, page: readonly ChatMessage[], asked: number): ChatLog {
  const known = new Set(log.messages.map((m) => m.id));
  const fresh = page.filter((m) => !known.has(m.id));
  return { messages: [...fresh, ...log.messages], hasOlder: page.length >= asked, loadingOlder: false };
}

export function setDelivery(log: ChatLog, id: MessageId, state: DeliveryState): ChatLog {
  const index = log.messages.findIndex((m) => m.id === id);
  const message = log.messages[index];
  if (!message || message.state === state) return log;
  const messages = [...log.messages];
  messages[index] = { ...message, state };
  return { ...log, messages };
}

/** An incoming message counts as unread unless its chat is open and the window is seen. */
export function countUnread(
  unread: Readonly<Record<ChatKey, number>>,
  message: ChatMessage,
  seen: boolean,
): Record<ChatKey, number> {
  if (message.direction === 'out' || seen) return unread;
  const key = chatKey(message.account, message.peer);
  return { ...unread, [key]: (unread[key] ?? 0) + 1 };
}

export function clearUnread(unread: Readonly<Record<ChatKey, number>>, key: ChatKey): Record<ChatKey, number> {
  if (!unread[key]) return unread;
  const { [key]: _cleared, ...rest } = unread;
  return rest;
}

/** A corrected or retracted message replaces its old version (when it is loaded). */
export function replaceMessage(log: ChatLog, message: ChatMessage): ChatLog {
  const index = log.messages.findIndex((m) => m.id === message.id);
  if (index === -1) return log;
  const messages = [...log.messages];
  messages[index] = { ...message, state: messages[index]?.state ?? message.state };
  return { ...log, messages };
}

/**
 * Typing state per chat: only "composing" shows, with who (a room's nick, '' in a 1:1 chat); anything
 * else, or a message, ends it.
 */
export function withTyping(
  typing: Record<ChatKey, string>,
  key: ChatKey,
  composing: boolean,
  who = '',
): Record<ChatKey, string> {
  if (!composing && typing[key] === undefined) return typing;
  if (composing && typing[key] === who) return typing;
  const { [key]: _old, ...rest } = typing;
  return composing ? { ...rest, [key]: who } : rest;
}
