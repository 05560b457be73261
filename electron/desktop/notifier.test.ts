import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { NotificationConstructorOptions } from 'electron';
import { createNotifier, type NotificationLike } from './notifier.ts';

function fakeNotifications() {
  const made: Array<{
    options: NotificationConstructorOptions;
    closed: boolean;
    shown: boolean;
    emit(e: string, ...args: unknown[]): void;
  }> = [];
  const make = (options: NotificationConstructorOptions): NotificationLike => {
    const listeners = new Map<string, (...args: unknown[]) => void>();
    const record = {
      options,
      closed: false,
      shown: false,
      emit: (event: string, ...args: unknown[]) => listeners.get(event)?.(...args),
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
      on: (event: string, listener: (...args: unknown[]) => void) => {
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

test('a call notification shows its buttons and stays; a button reports its id; closing by tag takes it away', () => {
  const { made, make } = fakeNotifications();
  const actions: string[] = [];
  const notifier = createNotifier(
    make,
    () => true,
    () => undefined,
    (tag, action) => actions.push(`${tag} ${action}`),
  );
  const buttons = [
    { id: 'answer', label: 'Answer' },
    { id: 'decline', label: 'Decline' },
  ];
  notifier.notify({ tag: 'call-1', title: 'Incoming call', body: 'Alice', actions: buttons, urgent: true });
  assert.deepEqual(made[0]?.options.actions, [
    { type: 'button', text: 'Answer' },
    { type: 'button', text: 'Decline' },
  ]);
  assert.equal(made[0]?.options.timeoutType, 'never');
  made[0]?.emit('action', {}, 1);
  made[0]?.emit('action', {}, 7);
  assert.deepEqual(actions, ['call-1 decline']);
  notifier.notify({ tag: 'call-2', title: 'Incoming call', body: 'Bob', actions: buttons, urgent: true });
  notifier.close('call-2');
  assert.equal(made[1]?.closed, true);
  assert.equal(notifier.shown, 0);
});
