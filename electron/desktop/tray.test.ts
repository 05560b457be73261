import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { createAppTray, keepRunningInTray, type TrayLike } from './tray.ts';

function fakeTray() {
  const state: { tooltip: string; image: unknown; menu: MenuItemConstructorOptions[]; click?: () => void } = {
    tooltip: '',
    image: undefined,
    menu: [],
  };
  const tray = {
    setToolTip: (text: string) => {
      state.tooltip = text;
    },
    setContextMenu: (menu: Menu | null) => {
      state.menu = menu as unknown as MenuItemConstructorOptions[];
    },
    setImage: (image: NativeImage | string) => {
      state.image = image;
    },
    on: (event: string, listener: () => void) => {
      if (event === 'click') state.click = listener;
      return tray;
    },
  } as unknown as TrayLike;
  return { tray, state };
}

const icons = { normal: 'normal' as unknown as NativeImage, unread: 'unread' as unknown as NativeImage };
const build = (template: MenuItemConstructorOptions[]): Menu => template as unknown as Menu;

test('the tray shows the unread count, toggles the window and sets the presence', () => {
  const { tray, state } = fakeTray();
  const calls: string[] = [];
  let visible = true;
  let calling = false;
  const appTray = createAppTray(
    tray,
    build,
    icons,
    {
      windowVisible: () => visible,
      toggleWindow: () => {
        visible = !visible;
        calls.push('toggle');
      },
      setPresence: (show) => calls.push(`presence:${show}`),
      quit: () => calls.push('quit'),
      inCall: () => calling,
      hangUp: () => calls.push('hang up'),
    },
    'de-DE',
  );
  assert.equal(state.image, 'normal');
  assert.deepEqual(
    state.menu.map((i) => i.label ?? i.type),
    ['JabberDesk ausblenden', 'separator', 'Online', 'Abwesend', 'Nicht stören', 'Offline', 'separator', 'Beenden'],
  );
  appTray.setUnread(3);
  assert.equal(state.image, 'unread');
  assert.equal(state.tooltip, 'JabberDesk — 3 ungelesen');
  state.menu.find((i) => i.label === 'Nicht stören')?.click?.(undefined as never, undefined, undefined as never);
  state.click?.();
  appTray.refresh();
  assert.equal(state.menu[0]?.label, 'JabberDesk zeigen', 'the label follows the window');
  appTray.setUnread(0);
  assert.equal(state.image, 'normal');
  // A running call: the menu offers to hang it up.
  calling = true;
  appTray.refresh();
  assert.equal(state.menu[1]?.label, 'Anruf beenden');
  state.menu[1]?.click?.(undefined as never, undefined, undefined as never);
  assert.deepEqual(calls, ['presence:dnd', 'toggle', 'hang up']);
});

test('closing the window hides it to the tray; Quit really quits', () => {
  const listeners: Record<string, (event?: { preventDefault(): void }) => void> = {};
  let hidden = 0;
  let compacted = 0;
  let prevented = 0;
  let inCall = false;
  const window = {
    on: (event: 'close', listener: (event: { preventDefault(): void }) => void) =>
      (listeners[event] = listener as never),
    hide: () => hidden++,
  };
  const app = { on: (event: 'before-quit', listener: () => void) => (listeners[event] = listener) };
  keepRunningInTray(window, app, () => true, { inCall: () => inCall, closedInCall: () => compacted++ });
  listeners.close?.({ preventDefault: () => prevented++ });
  assert.deepEqual([hidden, prevented], [1, 1]);
  // During a call the window (where the call lives) is not hidden: it becomes the call's window.
  inCall = true;
  listeners.close?.({ preventDefault: () => prevented++ });
  assert.deepEqual([hidden, compacted, prevented], [1, 1, 2]);
  inCall = false;
  listeners['before-quit']?.();
  listeners.close?.({ preventDefault: () => prevented++ });
  assert.deepEqual([hidden, prevented], [1, 2], 'after Quit the window closes');
});
