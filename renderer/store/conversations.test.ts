import { assert, test, vi } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { Conversation } from '../../shared/model/conversation.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';

const account = 'me@x' as AccountId;
const peer = 'chatter@x' as BareJid;
const engineList: Conversation[] = [];
vi.mock('../ipc/client.ts', () => ({ call: () => Promise.resolve(engineList) }));
const { loadConversations } = await import('./conversations.ts');
const { chatKey, countUnread } = await import('./chats.ts');
const { getState, setState } = await import('./index.ts');

const received = (n: number): ChatMessage => ({
  id: `m${n}`,
  account,
  peer,
  direction: 'in',
  from: `${peer}/phone`,
  body: `message ${n}`,
  timestamp: n,
  state: 'received',
});

test('unread counts seeded from the engine at start: messages still waiting for a frame are counted once', async () => {
  // The engine stored three messages and counts them; their events reached the window and wait for a frame.
  engineList.push({
    account,
    peer,
    kind: 'chat',
    activity: 3,
    unread: 3,
    mentions: 0,
    pinned: false,
    markedUnread: false,
    closed: false,
    draft: '',
  });
  const waiting = [received(1), received(2), received(3)];
  const frame = (): void => {
    const batch = waiting.splice(0);
    setState((s) => ({ unread: batch.reduce((unread, m) => countUnread(unread, m, false), s.unread) }));
  };
  await loadConversations(frame);
  frame();
  assert.strictEqual(getState().unread[chatKey(account, peer)], 3);
});
