import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKTOP_EVENT_CHANNEL, DESKTOP_INVOKE_CHANNEL, DEFAULT_DESKTOP_SETTINGS } from '../../shared/ipc/desktop.ts';
import type { InvokeEventLike } from '../ipc/bindIpc.ts';
import { bindDesktopIpc } from './desktopIpc.ts';

const PAGE = 'file:///app/index.html';

test('only the app window is answered, requests are checked, and clicks go back to the window', async () => {
  let handler: ((event: InvokeEventLike, request: unknown) => Promise<unknown>) | undefined;
  const sent: unknown[][] = [];
  const window = { send: (...args: unknown[]) => sent.push(args), isDestroyed: () => false };
  const notified: unknown[] = [];
  const closed: string[] = [];
  let shown = 0;
  const info = {
    settings: DEFAULT_DESKTOP_SETTINGS,
    trayAvailable: true,
    loginItemAvailable: true,
    spellcheckLanguages: ['en-US'],
  };
  const ipc = bindDesktopIpc(
    {
      handle: (channel, listener) => channel === DESKTOP_INVOKE_CHANNEL && (handler = listener),
      removeHandler: () => undefined,
    },
    {
      info: () => info,
      setSettings: () => info,
      notify: (n) => notified.push(n),
      closeNotification: (tag) => closed.push(tag),
      idle: () => ({ idleSeconds: 7, locked: false }),
      showMainWindow: () => shown++,
    },
    () => window,
    PAGE,
  );
  const own: InvokeEventLike = { sender: window, senderFrame: { url: `${PAGE}#x`, parent: null } };
  const frame: InvokeEventLike = { sender: window, senderFrame: { url: 'https://evil.example/', parent: {} } };
  assert.deepEqual(await handler?.(own, { kind: 'idle' }), { idleSeconds: 7, locked: false });
  await assert.rejects(Promise.resolve(handler?.(frame, { kind: 'idle' })), /forbidden/u);
  await assert.rejects(Promise.resolve(handler?.(frame, { kind: 'showMainWindow' })), /forbidden/u);
  await handler?.(own, { kind: 'showMainWindow', bounds: { width: 1 } });
  assert.equal(shown, 1, 'the call window’s button brings the app back (nothing else of the request is read)');
  await assert.rejects(Promise.resolve(handler?.(own, { kind: 'run', command: 'rm' })), /invalid/u);
  await assert.rejects(
    Promise.resolve(handler?.(own, { kind: 'notify', notification: { tag: 't', title: 'x'.repeat(5000), body: '' } })),
    /invalid/u,
  );
  await handler?.(own, { kind: 'notify', notification: { tag: 't', title: 'Alice', body: 'hi', extra: 1 } });
  const avatar = 'ab'.repeat(20);
  await handler?.(own, { kind: 'notify', notification: { tag: 'u', title: 'Bob', body: 'yo', avatar } });
  await handler?.(own, { kind: 'notify', notification: { tag: 'v', title: 'Eve', body: '!', avatar: '../../x' } });
  // An incoming call's buttons: at most three, ids of letters only, short labels; anything else is dropped.
  const actions = [
    { id: 'answer', label: 'Answer' },
    { id: 'decline', label: 'Decline' },
    { id: 'rm -rf', label: 'x' },
    { id: 'four', label: 'Four' },
  ];
  await handler?.(own, {
    kind: 'notify',
    notification: { tag: 'c', title: 'Call', body: 'Alice', actions, urgent: true },
  });
  assert.deepEqual(notified, [
    { tag: 't', title: 'Alice', body: 'hi' },
    { tag: 'u', title: 'Bob', body: 'yo', avatar },
    { tag: 'v', title: 'Eve', body: '!' },
    { tag: 'c', title: 'Call', body: 'Alice', actions: actions.slice(0, 2), urgent: true },
  ]);
  await handler?.(own, { kind: 'closeNotification', tag: 'c' });
  await assert.rejects(Promise.resolve(handler?.(own, { kind: 'closeNotification', tag: 7 })), /invalid/u);
  assert.deepEqual(closed, ['c']);
  ipc.send({ kind: 'notificationClicked', tag: 't' });
  assert.deepEqual(sent, [[DESKTOP_EVENT_CHANNEL, 'notificationClicked', { kind: 'notificationClicked', tag: 't' }]]);
});
