import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWindowState, rememberWindowState } from './windowState.ts';

test('a saved window state is read back; junk or impossible sizes fall back to defaults', () => {
  const file = (text: string | undefined) => ({ read: () => text, write: () => undefined });
  assert.deepEqual(
    loadWindowState(file('{"bounds":{"x":10,"y":20,"width":900,"height":700},"maximized":true,"zoom":1}')),
    { bounds: { x: 10, y: 20, width: 900, height: 700 }, maximized: true, zoom: 1 },
  );
  assert.deepEqual(loadWindowState(file('{"bounds":{"x":0,"y":0,"width":10,"height":10},"zoom":99}')), {});
  assert.deepEqual(loadWindowState(file('not json')), {});
  assert.deepEqual(loadWindowState(file(undefined)), {});
});

test('the window state is saved after a change, but not while the window shows only a call', async () => {
  const listeners: (() => void)[] = [];
  const written: string[] = [];
  let bounds = { x: 1, y: 2, width: 1100, height: 720 };
  let compact = false;
  const window = {
    on: (_event: string, listener: () => void) => listeners.push(listener),
    getNormalBounds: () => bounds,
    isMaximized: () => false,
    webContents: { getZoomLevel: () => 0, on: () => undefined },
  } as unknown as Parameters<typeof rememberWindowState>[0];
  rememberWindowState(window, { read: () => undefined, write: (text) => written.push(text) }, 1, () => compact);
  const changed = async (): Promise<void> => {
    for (const listener of listeners) listener();
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  compact = true;
  bounds = { x: 721, y: 2, width: 380, height: 560 };
  await changed();
  assert.deepEqual(written, [], 'the call window’s size is not remembered');
  compact = false;
  bounds = { x: 1, y: 2, width: 1000, height: 700 };
  await changed();
  assert.equal(written.length, 1);
  assert.deepEqual((JSON.parse(written[0] ?? '{}') as { bounds?: unknown }).bounds, bounds);
});
