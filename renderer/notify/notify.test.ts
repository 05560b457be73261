import { assert, test } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { Coalescer, type Burst } from './coalescer.ts';
import { notificationFor, type NotifyContext } from './notifyPolicy.ts';

const now = 1_800_000_000_000;
const message: ChatMessage = {
  id: 'm',
  account: 'me@x' as AccountId,
  peer: 'alice@x' as BareJid,
  direction: 'in',
  from: 'alice@x/phone',
  body: 'are you there?',
  timestamp: now - 1000,
  state: 'received',
};
const ctx: NotifyContext = {
  enabled: true,
  onScreen: false,
  doNotDisturb: false,
  muted: false,
  stranger: false,
  roomMode: 'mentions',
  privacy: 'full',
  now,
};

test('who is notified, and with what', () => {
  assert.deepEqual(notificationFor(message, 'Alice', ctx), {
    kind: 'message',
    sender: 'Alice',
    text: 'are you there?',
  });
  assert.strictEqual(notificationFor(message, 'Alice', { ...ctx, onScreen: true }), undefined);
  assert.strictEqual(notificationFor(message, 'Alice', { ...ctx, doNotDisturb: true }), undefined);
  assert.strictEqual(notificationFor(message, 'Alice', { ...ctx, muted: true }), undefined);
  assert.strictEqual(notificationFor({ ...message, direction: 'out' }, 'Alice', ctx), undefined);
  assert.strictEqual(notificationFor({ ...message, timestamp: now - 3_600_000 }, 'Alice', ctx), undefined, 'history');
  assert.deepEqual(notificationFor(message, 'Alice', { ...ctx, stranger: true }), { kind: 'request', sender: 'Alice' });
  assert.deepEqual(notificationFor(message, 'Alice', { ...ctx, privacy: 'sender' }), {
    kind: 'request',
    sender: 'Alice',
  });
  assert.deepEqual(notificationFor(message, 'Alice', { ...ctx, privacy: 'none' }), { kind: 'hidden' });
  const undecryptable = { ...message, body: '', encryption: { protocol: 'omemo' as const, error: 'no key' } };
  assert.deepEqual(notificationFor(undecryptable, 'Alice', ctx), { kind: 'encrypted', sender: 'Alice' });
  const room = { ...message, groupchat: true, peer: 'room@muc.x' as BareJid };
  assert.strictEqual(notificationFor(room, 'Bob', ctx), undefined, 'rooms: mentions only by default');
  assert.ok(notificationFor({ ...room, mention: true }, 'Bob', ctx));
  assert.ok(notificationFor(room, 'Bob', { ...ctx, roomMode: 'all' }));
  assert.strictEqual(notificationFor({ ...room, mention: true }, 'Bob', { ...ctx, roomMode: 'none' }), undefined);
});

test('20 messages in a second are one notification per chat, with the count', () => {
  const shown: Burst<string>[] = [];
  const tasks: Array<() => void> = [];
  const coalescer = new Coalescer<string>(
    (b) => shown.push(b),
    1000,
    (task) => tasks.push(task),
  );
  for (let i = 0; i < 20; i++) coalescer.add('me@x alice@x', `m${i}`);
  coalescer.add('me@x bob@x', 'hi');
  assert.equal(shown.length, 0);
  for (const task of tasks.splice(0)) task();
  assert.deepEqual(
    shown.map((b) => [b.key, b.count, b.last]),
    [
      ['me@x alice@x', 20, 'm19'],
      ['me@x bob@x', 1, 'hi'],
    ],
  );
  coalescer.add('me@x alice@x', 'later');
  coalescer.drop('me@x alice@x');
  for (const task of tasks.splice(0)) task();
  assert.equal(shown.length, 2, 'a chat opened meanwhile is not notified');
});
