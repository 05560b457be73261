import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rectangle } from 'electron';
import { COMPACT_SIZE, type CallWindowLike, createCallWindow } from './callWindow.ts';

function fakeWindow(start: Rectangle, maximized = false) {
  const state = { bounds: start, maximized, onTop: false, visible: true, minimum: [360, 400] };
  const window: CallWindowLike = {
    getBounds: () => state.bounds,
    setBounds: (bounds) => void (state.bounds = { ...state.bounds, ...bounds }),
    setMinimumSize: (width, height) => void (state.minimum = [width, height]),
    setAlwaysOnTop: (flag) => void (state.onTop = flag),
    isMaximized: () => state.maximized,
    unmaximize: () => void (state.maximized = false),
    maximize: () => void (state.maximized = true),
    isMinimized: () => false,
    restore: () => undefined,
    show: () => void (state.visible = true),
    hide: () => void (state.visible = false),
  };
  return { window, state };
}

test('closed during a call, the window becomes the call’s small window on top; the call ending sends it to the tray at its old size', () => {
  const { window, state } = fakeWindow({ x: 100, y: 50, width: 1100, height: 720 });
  const told: boolean[] = [];
  const calls = createCallWindow(window, (compact) => told.push(compact));
  calls.compact();
  assert.equal(calls.isCompact(), true);
  assert.deepEqual(state.bounds, { x: 100 + 1100 - COMPACT_SIZE.width, y: 50, ...COMPACT_SIZE }, 'at the right edge');
  assert.equal(state.onTop, true);
  assert.equal(state.visible, true);
  calls.compact();
  assert.deepEqual(told, [true], 'told once');

  calls.callsEnded();
  assert.equal(calls.isCompact(), false);
  assert.deepEqual(state.bounds, { x: 100, y: 50, width: 1100, height: 720 });
  assert.deepEqual(state.minimum, [360, 400]);
  assert.equal(state.onTop, false);
  assert.equal(state.visible, false, 'the close asked for the tray');
  assert.deepEqual(told, [true, false]);
  calls.callsEnded();
  assert.deepEqual(told, [true, false], 'nothing to do without a compact window');
});

test('the call window’s button brings the whole app back, maximised again if it was', () => {
  const { window, state } = fakeWindow({ x: 0, y: 0, width: 1920, height: 1080 }, true);
  const told: boolean[] = [];
  const calls = createCallWindow(window, (compact) => told.push(compact));
  calls.compact();
  assert.equal(state.maximized, false);
  assert.equal(state.bounds.width, COMPACT_SIZE.width);
  calls.expand();
  assert.equal(state.maximized, true);
  assert.equal(state.visible, true);
  assert.equal(state.onTop, false);
  assert.deepEqual(told, [true, false]);
  calls.callsEnded();
  assert.equal(state.visible, true, 'a call ending later leaves the app where the user brought it');
});
