// The chat list's slice: the engine's conversation summaries by chat key. Unread counts the engine
// kept across restarts seed the live counts; reading here tells the engine, so both agree.
import type { AccountId } from '../../shared/model/account.ts';
import type { Conversation } from '../../shared/model/conversation.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { call } from '../ipc/client.ts';
import { type ChatKey, chatKey } from './chats.ts';
import { setState } from './index.ts';

export type ConversationsByChat = Record<ChatKey, Conversation>;

/** New summaries in; a count the UI has not seen yet is taken from the engine (after a restart). */
export function withConversations(
  conversations: Readonly<ConversationsByChat>,
  unread: Readonly<Record<ChatKey, number>>,
  list: readonly Conversation[],
  openKey: ChatKey | undefined,
  seeding: boolean,
): { conversations: ConversationsByChat; unread: Record<ChatKey, number> } {
  const next = { ...conversations };
  const counts = { ...unread };
  for (const c of list) {
    const key = chatKey(c.account, c.peer);
    next[key] = c;
    if (seeding && key !== openKey && counts[key] === undefined && c.unread > 0) counts[key] = c.unread;
  }
  return { conversations: next, unread: counts };
}

/**
 * `settle` first applies the messages the window has received but not yet counted (they wait for a frame):
 * the engine's counts already include them (its answer never overtakes the events raised before it), and a
 * count seeded before they apply would count them twice.
 */
export async function loadConversations(settle: () => void): Promise<void> {
  const list = await call('chat.conversations', {});
  settle();
  setState((s) => {
    const open = s.openChat ? chatKey(s.openChat.account, s.openChat.peer) : undefined;
    return withConversations(s.conversations, s.unread, list, open, true);
  });
}

export function conversationsChanged(list: readonly Conversation[]): void {
  setState((s) => withConversations(s.conversations, s.unread, list, undefined, false));
}

/** The user has seen this conversation: the engine's count follows (no marker goes out from here). */
export function markConversationRead(account: AccountId, peer: BareJid): void {
  void call('chat.markRead', { account, peer }).catch(() => undefined);
}
