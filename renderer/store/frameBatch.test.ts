import { assert, test } from 'vitest';
import { frameBatch } from './frameBatch.ts';

test('a burst is applied once, in order; the next burst gets its own flush', () => {
  const flushes: (() => void)[] = [];
  const applied: number[][] = [];
  const push = frameBatch<number>(
    (items) => applied.push(items),
    (flush) => flushes.push(flush),
  );
  push(1);
  push(2);
  push(3);
  assert.strictEqual(flushes.length, 1);
  flushes[0]?.();
  push(4);
  assert.strictEqual(flushes.length, 2);
  flushes[1]?.();
  assert.deepEqual(applied, [[1, 2, 3], [4]]);
});

test("a flood larger than a frame's share is spread over several frames", () => {
  const flushes: (() => void)[] = [];
  const applied: number[] = [];
  const push = frameBatch<number>(
    (items) => applied.push(items.length),
    (flush) => flushes.push(flush),
    500,
  );
  for (let i = 0; i < 1200; i++) push(i);
  while (flushes.length > 0) flushes.shift()?.();
  assert.deepEqual(applied, [500, 500, 200]);
});
