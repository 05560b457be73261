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
