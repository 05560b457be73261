import { assert, test } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { Conversation } from '../../shared/model/conversation.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { listTime, orderConversations, previewOf } from './chatListView.ts';

const message = (over: Partial<ChatMessage>): ChatMessage => ({
  id: 'm',
  account: 'me@x' as AccountId,
  peer: 'b@x' as BareJid,
  direction: 'in',
  from: 'b@x/r',
  body: 'hello',
  timestamp: 1,
  state: 'received',
  ...over,
});
const conversation = (peer: string, over: Partial<Conversation> = {}): Conversation => ({
  account: 'me@x' as AccountId,
  peer: peer as BareJid,
  kind: 'chat',
  activity: 0,
  unread: 0,
  mentions: 0,
  pinned: false,
  markedUnread: false,
  closed: false,
  draft: '',
  ...over,
});

test('pinned first, then newest; closed left out; the filter matches the address', () => {
  const list = [
    conversation('old@x', { activity: 1 }),
    conversation('new@x', { activity: 9 }),
    conversation('pinned@x', { activity: 0, pinned: true }),
    conversation('closed@x', { activity: 99, closed: true }),
  ];
  assert.deepEqual(
    orderConversations(list).map((c) => c.peer),
    ['pinned@x', 'new@x', 'old@x'],
  );
  assert.deepEqual(
    orderConversations(list, 'OLD').map((c) => c.peer),
    ['old@x'],
  );
});

test('the preview says draft, file, encrypted, retracted, ours, or the room sender', () => {
  assert.deepEqual(previewOf(conversation('b@x', { draft: ' half\n typed ' })), { kind: 'draft', text: 'half typed' });
  assert.deepEqual(previewOf(conversation('b@x')), { kind: 'none' });
  assert.deepEqual(previewOf(conversation('b@x', { last: message({ direction: 'out', body: 'hi\nthere' }) })), {
    kind: 'text',
    text: 'hi there',
    own: true,
  });
  const url = 'https://files.example/abc/holiday.jpg';
  assert.deepEqual(previewOf(conversation('b@x', { last: message({ body: url, oobUrl: url }) })), {
    kind: 'file',
    name: 'holiday.jpg',
    own: false,
  });
  assert.deepEqual(
    previewOf(conversation('b@x', { last: message({ body: '', encryption: { protocol: 'omemo', error: 'no key' } }) })),
    { kind: 'encrypted', own: false },
  );
  assert.deepEqual(
    previewOf(
      conversation('b@x', {
        last: message({ body: '', encryption: { protocol: 'otr', code: 'otr-data', error: 'OTR' } }),
      }),
    ),
    { kind: 'otr', own: false },
  );
  assert.deepEqual(previewOf(conversation('b@x', { last: message({ retracted: true, body: '' }) })), {
    kind: 'retracted',
    own: false,
  });
  assert.deepEqual(
    previewOf(conversation('room@c', { kind: 'room', last: message({ groupchat: true, from: 'Ann', body: 'yo' }) })),
    { kind: 'text', text: 'yo', own: false, sender: 'Ann' },
  );
});

test('times: the hour today, the weekday this week, else the date', () => {
  const now = new Date(2026, 10, 30, 18, 0).getTime();
  assert.equal(listTime(new Date(2026, 10, 30, 9, 5).getTime(), 'en-GB', now), '09:05');
  assert.equal(listTime(new Date(2026, 10, 27, 9, 5).getTime(), 'en-GB', now), 'Fri');
  assert.equal(listTime(new Date(2026, 9, 1, 9, 5).getTime(), 'en-GB', now), '1 Oct');
});
