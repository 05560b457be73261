import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withinStampedSecond } from './messages.ts';

test('a whole-second stamp is placed after what the chat holds, but never outside its second', () => {
  const second = Date.UTC(2026, 10, 24, 12, 0, 0);
  assert.equal(withinStampedSecond(second, second + 500), second + 500, 'after a live message earlier in that second');
  assert.equal(withinStampedSecond(second, second + 5000), second + 999, 'not moved past its second');
  assert.equal(withinStampedSecond(second, second - 5000), second, 'older chats leave it alone');
  assert.equal(withinStampedSecond(second + 123, second + 500), second + 123, 'millisecond stamps are kept');
  assert.equal(withinStampedSecond(second, undefined), second);
});

test('a reaction that comes before its message (an archive read backwards) is kept and applied when it arrives', async () => {
  const { openStore } = await import('../store/index.ts');
  const { createMessageService } = await import('./messages.ts');
  const store = openStore(':memory:');
  store.db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('me@x', 'r', 1)").run();
  const changed: unknown[] = [];
  const service = createMessageService('me@x' as never, store, (name: string, payload: unknown) => {
    if (name === 'message.changed') changed.push(payload);
  });
  const base = { peer: 'b@x' as never, direction: 'in' as const, from: 'b@x/r', state: 'received' as const };
  assert.equal(
    service.ingest({ ...base, body: '', timestamp: 2000, relations: { reactions: { id: 'orig-1', emojis: ['🎉'] } } }),
    false,
  );
  assert.equal(changed.length, 0, 'nothing to show yet');
  service.ingest({ ...base, body: 'party!', timestamp: 1000, originId: 'orig-1' });
  const stored = store.messages.byOriginId('me@x' as never, 'b@x' as never, 'orig-1');
  assert.deepEqual(store.reactions.of([stored?.id ?? '']).get(stored?.id ?? ''), [
    { sender: 'b@x', name: 'b@x', own: false, emojis: ['🎉'] },
  ]);
  assert.equal(changed.length, 1, 'the message is shown with its reaction');
  store.close();
});
