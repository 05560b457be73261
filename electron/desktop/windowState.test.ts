import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadWindowState } from './windowState.ts';

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
