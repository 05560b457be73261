import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NotificationConstructorOptions } from 'electron';
import { createNotifier, type NotificationLike } from './notifier.ts';

function fakeNotifications() {
  const made: Array<{
    options: NotificationConstructorOptions;
    closed: boolean;
    shown: boolean;
    emit(e: string): void;
  }> = [];
  const make = (options: NotificationConstructorOptions): NotificationLike => {
    const listeners = new Map<string, () => void>();
    const record = {
      options,
      closed: false,
      shown: false,
      emit: (event: string) => listeners.get(event)?.(),
    };
    made.push(record);
    const notification = {
      show: () => {
        record.shown = true;
      },
      close: () => {
        record.closed = true;
        listeners.get('close')?.();
      },
      on: (event: string, listener: () => void) => {
        listeners.set(event, listener);
        return notification;
      },
    };
    return notification as unknown as NotificationLike;
  };
  return { made, make };
}

test('a notification per tag replaces the previous one; a click reports its tag once', () => {
  const { made, make } = fakeNotifications();
  const clicked: string[] = [];
  const notifier = createNotifier(
    make,
    () => true,
    (tag) => clicked.push(tag),
  );
  notifier.notify({ tag: 'chat a', title: 'Alice', body: 'hi' });
  notifier.notify({ tag: 'chat a', title: 'Alice', body: '2 new messages\nthere' });
  notifier.notify({ tag: 'chat b', title: 'Bob', body: 'yo' });
  assert.equal(made.length, 3);
  assert.equal(made[0]?.closed, true, 'the older one of the same chat went');
  assert.equal(made[1]?.closed, false);
  assert.equal(made[1]?.options.silent, true);
  assert.equal(notifier.shown, 2);
  made[1]?.emit('click');
  assert.deepEqual(clicked, ['chat a']);
  assert.equal(notifier.shown, 1);
});

test("the sender's avatar is the notification's icon when the app has it", () => {
  const { made, make } = fakeNotifications();
  const notifier = createNotifier(
    make,
    () => true,
    () => undefined,
  );
  notifier.notify({ tag: 'a', title: 'Alice', body: 'hi' }, '/cache/avatars/alice.png');
  notifier.notify({ tag: 'b', title: 'Bob', body: 'yo' });
  assert.equal(made[0]?.options.icon, '/cache/avatars/alice.png');
  assert.equal('icon' in (made[1]?.options ?? {}), false);
});

test('nothing is shown where the system has no notifications', () => {
  const { made, make } = fakeNotifications();
  const notifier = createNotifier(
    make,
    () => false,
    () => undefined,
  );
  notifier.notify({ tag: 't', title: 'x', body: 'y' });
  assert.equal(made.length, 0);
});
