import { assert, test } from 'vitest';
import { computeLayout, keepAnchor, rowAt, visibleRange } from './virtualWindow.ts';

const keys = (n: number, prefix = 'm'): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i}`);

test('layout sums measured heights and falls back to the estimate', () => {
  const layout = computeLayout(['a', 'b', 'c'], new Map([['b', 100]]), 40);
  assert.deepEqual([...layout.offsets], [0, 40, 140, 180]);
  assert.strictEqual(rowAt(layout, 0), 0);
  assert.strictEqual(rowAt(layout, 39.9), 0);
  assert.strictEqual(rowAt(layout, 40), 1);
  assert.strictEqual(rowAt(layout, 10_000), 2);
});

test('only the rows in and near the viewport are rendered, even for 10,000 rows', () => {
  const layout = computeLayout(keys(10_000), new Map(), 50);
  assert.deepEqual(visibleRange(layout, 0, 500, 0), { start: 0, end: 11 });
  assert.deepEqual(visibleRange(layout, 250_000, 500, 100), { start: 4998, end: 5013 });
  const last = visibleRange(layout, 500_000 - 500, 500, 0);
  assert.strictEqual(last.end, 10_000);
  assert.ok(last.end - last.start <= 12);
  assert.deepEqual(visibleRange(computeLayout([], new Map(), 50), 0, 500, 0), { start: 0, end: 0 });
});

test('prepending an older page keeps the row the user was reading in place', () => {
  const newer = keys(20);
  const before = computeLayout(newer, new Map(), 50);
  const scrollTop = 5 * 50 + 12;
  const after = computeLayout([...keys(30, 'old'), ...newer], new Map([['old3', 200]]), 50);
  const top = keepAnchor(before, after, scrollTop);
  assert.strictEqual(top, 30 * 50 + 150 + 5 * 50 + 12);
  assert.strictEqual(after.keys[rowAt(after, top)], 'm5');
});

test('a row above the viewport that grows after measuring does not shift the view', () => {
  const list = keys(10);
  const before = computeLayout(list, new Map(), 50);
  const after = computeLayout(list, new Map([['m1', 130]]), 50);
  assert.strictEqual(keepAnchor(before, after, 300), 380);
});
