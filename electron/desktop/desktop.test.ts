import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PowerMonitor } from 'electron';
import { wakeOnResume } from './power.ts';
import { type AppLike, claimSingleInstance } from './singleInstance.ts';
import { followUnreadBadge } from './unreadBadge.ts';

/** A typed stand-in for Electron's app: records what the module asked of it, and lets a test fire its events. */
function fakeApp(locked: boolean) {
  const listeners = new Map<string, (...args: never[]) => void>();
  const calls: string[] = [];
  const app: AppLike = {
    requestSingleInstanceLock: () => locked,
    setAsDefaultProtocolClient: (protocol: string) => {
      calls.push(`default:${protocol}`);
      return true;
    },
    quit: () => {
      calls.push('quit');
    },
    on: (event: string, listener: (...args: never[]) => void) => {
      listeners.set(event, listener);
      return app;
    },
  };
  return {
    app,
    calls,
    fire: (event: string, ...args: unknown[]) => (listeners.get(event) as (...a: unknown[]) => void)(...args),
  };
}

test('a second start with an xmpp: link focuses the first and opens that link there', () => {
  const { app, calls, fire } = fakeApp(true);
  const opened: string[] = [];
  let focused = 0;
  assert.equal(
    claimSingleInstance(
      app,
      ['/usr/bin/jabberdesk'],
      () => focused++,
      (uri) => opened.push(uri),
    ),
    true,
  );
  assert.deepEqual(calls, ['default:xmpp']);
  fire('second-instance', {}, ['/usr/bin/jabberdesk', '--no-sandbox', 'xmpp:room@conference.example.org?join']);
  assert.equal(focused, 1);
  assert.deepEqual(opened, ['xmpp:room@conference.example.org?join']);
  fire('second-instance', {}, ['/usr/bin/jabberdesk', 'https://example.org']);
  assert.equal(focused, 2, 'focused even without a link');
  assert.equal(opened.length, 1, 'other schemes are not links to open');
  let prevented = false;
  fire('open-url', { preventDefault: () => (prevented = true) }, 'xmpp:alice@example.org?message;body=hi');
  assert.equal(prevented, true);
  assert.deepEqual(opened.at(-1), 'xmpp:alice@example.org?message;body=hi');
});

test('the first start opens its own link; a second copy quits', () => {
  const opened: string[] = [];
  claimSingleInstance(
    fakeApp(true).app,
    ['jabberdesk', 'xmpp:bob@example.org'],
    () => undefined,
    (u) => opened.push(u),
  );
  assert.deepEqual(opened, ['xmpp:bob@example.org']);
  const second = fakeApp(false);
  assert.equal(
    claimSingleInstance(
      second.app,
      ['jabberdesk', 'xmpp:bob@example.org'],
      () => undefined,
      (u) => opened.push(u),
    ),
    false,
  );
  assert.deepEqual(second.calls, ['quit']);
  assert.equal(opened.length, 1);
});

test('resume and unlock wake the engine; the badge follows the title', () => {
  const handlers = new Map<string, () => void>();
  const power = { on: (event: string, listener: () => void) => handlers.set(event, listener) } as unknown as Pick<
    PowerMonitor,
    'on'
  >;
  let woken = 0;
  wakeOnResume(power, () => woken++);
  handlers.get('resume')?.();
  handlers.get('unlock-screen')?.();
  assert.equal(woken, 2);

  let onTitle: ((event: unknown, title: string) => void) | undefined;
  const badges: number[] = [];
  const overlays: string[] = [];
  const window = {
    on: ((_: string, listener: (event: unknown, title: string) => void) => (onTitle = listener)) as never,
    setOverlayIcon: (icon: unknown, description: string) => overlays.push(`${String(icon)}:${description}`),
  };
  followUnreadBadge(window, { setBadgeCount: (count?: number) => badges.push(count ?? 0) > 0 });
  onTitle?.({}, '(3) JabberDesk');
  onTitle?.({}, 'JabberDesk');
  assert.deepEqual(badges, [3, 0]);
  assert.deepEqual(overlays, [], 'no overlay outside Windows');

  followUnreadBadge(
    window,
    { setBadgeCount: () => true },
    {
      icon: 'dot' as never,
      describe: (count) => `${count} unread`,
    },
  );
  onTitle?.({}, '(2) JabberDesk');
  onTitle?.({}, '(5) JabberDesk');
  onTitle?.({}, 'JabberDesk');
  assert.deepEqual(
    overlays,
    ['dot:2 unread', 'null:'],
    'the overlay comes with the first unread and goes with the last',
  );
});
