import { assert, test } from 'vitest';
import { frameBatch, settledFrames, throttledFrames } from './frameBatch.ts';

/** A batcher whose flushes wait in `flushes` until the test runs them; what it applies lands in `applied`. */
function manualBatch(): { push: ReturnType<typeof frameBatch<number>>; flushes: (() => void)[]; applied: number[][] } {
  const flushes: (() => void)[] = [];
  const applied: number[][] = [];
  const push = frameBatch<number>(
    (items) => applied.push(items),
    (flush) => flushes.push(flush),
  );
  return { push, flushes, applied };
}

test('a burst is applied once, in order; the next burst gets its own flush', () => {
  const { push, flushes, applied } = manualBatch();
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

test('a throttled schedule applies the first change at the next frame and then at most once per interval', () => {
  let clock = 0;
  const waits: { run: () => void; ms: number }[] = [];
  const frames: (() => void)[] = [];
  const applied: number[][] = [];
  const push = frameBatch<number>(
    (items) => applied.push(items),
    throttledFrames(
      100,
      () => clock,
      (run, ms) => waits.push({ run, ms }),
      (run) => frames.push(run),
    ),
  );
  push(1);
  assert.strictEqual(waits.length, 0);
  clock = 16;
  frames.shift()?.();
  assert.deepEqual(applied, [[1]]);
  clock = 20;
  push(2);
  push(3);
  assert.deepEqual(
    waits.map((w) => w.ms),
    [96],
  );
  clock = 116;
  waits.shift()?.run();
  frames.shift()?.();
  assert.deepEqual(applied, [[1], [2, 3]]);
  clock = 400;
  push(4);
  assert.strictEqual(waits.length, 0);
  frames.shift()?.();
  assert.deepEqual(applied, [[1], [2, 3], [4]]);
});

test('now() applies what is queued at once; the flush still scheduled then applies nothing', () => {
  const { push, flushes, applied } = manualBatch();
  push(1);
  push(2);
  push.now();
  assert.deepEqual(applied, [[1, 2]]);
  flushes.shift()?.();
  push.now();
  assert.deepEqual(applied, [[1, 2]]);
  push(3);
  flushes.shift()?.();
  assert.deepEqual(applied, [[1, 2], [3]]);
});

test('an interval given as a function is asked each time a flush is scheduled', () => {
  let clock = 0;
  let interval = 50;
  const waits: number[] = [];
  const frames: (() => void)[] = [];
  const push = frameBatch<number>(
    () => undefined,
    throttledFrames(
      () => interval,
      () => clock,
      (run, ms) => {
        waits.push(ms);
        run();
      },
      (run) => frames.push(run),
    ),
  );
  push(1);
  frames.shift()?.();
  interval = 400;
  clock = 10;
  push(2);
  frames.shift()?.();
  assert.deepEqual(waits, [390]);
});

test('a settled schedule applies once the burst pauses, and no later than its longest wait after the first item', () => {
  let clock = 0;
  const waits: { run: () => void; at: number }[] = [];
  const frames: (() => void)[] = [];
  const applied: number[][] = [];
  const push = frameBatch<number>(
    (items) => applied.push(items),
    settledFrames(
      30,
      200,
      () => clock,
      (run, ms) => waits.push({ run, at: clock + ms }),
      (run) => frames.push(run),
    ),
  );
  /** Moves the clock on to `t`, running the timers due by then. */
  const advance = (t: number): void => {
    for (let next = waits[0]; next && next.at <= t; next = waits[0]) {
      waits.shift();
      clock = next.at;
      next.run();
    }
    clock = t;
  };
  // A burst that keeps coming every 10 ms: nothing until the longest wait is over.
  for (let t = 0; t <= 250; t += 10) {
    advance(t);
    push(t);
    frames.shift()?.();
  }
  assert.deepEqual(
    applied.map((items) => [items[0], items.at(-1)]),
    [[0, 200]],
  );
  // It stops at 250: the rest comes 30 ms later, at the next frame.
  advance(279);
  assert.strictEqual(frames.length, 0);
  advance(281);
  frames.shift()?.();
  assert.deepEqual(applied.at(-1), [210, 220, 230, 240, 250]);
  // A single change later waits only for the quiet period.
  advance(1000);
  push(1);
  advance(1030);
  frames.shift()?.();
  assert.deepEqual(applied.at(-1), [1]);
  assert.strictEqual(waits.length, 0);
});
