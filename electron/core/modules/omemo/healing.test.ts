import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { createLogger } from '../../log.ts';
import { createHealing, STALE_AFTER } from './healing.ts';
import type { OmemoContext } from './omemoContext.ts';

const bob = 'bob@example.org' as BareJid;

function healingWithQueue() {
  const queued: (() => Promise<void>)[] = [];
  const healing = createHealing(
    () => Promise.reject<OmemoContext>(new Error('no context in this test')),
    (task) => queued.push(task),
    createLogger('test'),
  );
  return { healing, queued };
}

test('a pre-key message gets one empty answer; 53 unanswered messages get one; our own message resets the count', async () => {
  const { healing, queued } = healingWithQueue();
  healing.received(bob, 7, true);
  healing.received(bob, 7, true);
  assert.equal(queued.length, 1, 'one answer at a time per device');
  for (const task of queued.splice(0)) await task();
  for (let i = 2; i < STALE_AFTER - 1; i++) healing.received(bob, 7, false);
  healing.sent([{ jid: bob, device: 7 }]);
  for (let i = 0; i < STALE_AFTER - 1; i++) healing.received(bob, 7, false);
  assert.equal(queued.length, 0, 'the count started again when we wrote');
  healing.received(bob, 7, false);
  assert.equal(queued.length, 1, `the ${STALE_AFTER}th unanswered message`);
});

test('a broken session is repaired at most once an hour per device', () => {
  const { healing, queued } = healingWithQueue();
  const now = Date.now();
  healing.broken(bob, 7, 'legacy', now);
  healing.broken(bob, 7, 'legacy', now + 30 * 60_000);
  healing.broken(bob, 8, 'legacy', now);
  assert.equal(queued.length, 2);
});
