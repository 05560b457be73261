import { assert, test, vi } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';

const account = 'me@x' as AccountId;
const peer = 'writer@x' as BareJid;
const happened: string[] = [];
const page: ChatMessage[] = [
  { id: 'm1', account, peer, direction: 'in', from: `${peer}/pc`, body: 'hello', timestamp: 1, state: 'received' },
];
vi.mock('../ipc/client.ts', () => ({
  call: (name: string) => {
    happened.push(`asked ${name}`);
    return Promise.resolve(name === 'chat.history' ? page : null);
  },
}));
const { openChat } = await import('./actions.ts');
const { chatKey } = await import('./chats.ts');
const { getState, useAppStore } = await import('./index.ts');

test('opening a chat asks for its newest page before the chat is shown, and shows the page once', async () => {
  useAppStore.subscribe((s, before) => {
    if (s.openChat !== before.openChat) happened.push('shown');
  });
  await openChat(account, peer);
  assert.deepEqual(happened.slice(0, 2), ['asked chat.history', 'shown']);
  assert.deepEqual(
    getState().chats[chatKey(account, peer)]?.messages.map((m) => m.body),
    ['hello'],
  );
  // Open again: the page is held, nothing is asked again.
  happened.length = 0;
  await openChat(account, peer);
  assert.deepEqual(happened, ['shown', 'asked chat.markRead']);
});
