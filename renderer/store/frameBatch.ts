// Coalesces bursts of engine events (a login brings one presence per contact resource) into one
// state update per animation frame, so 2,000 presences cost one render, not 2,000.

/** Queues an item; `now()` applies everything queued at once (a burst that is known to be over). */
export type Batcher<T> = ((item: T) => void) & { now(): void };

/** Asked to run `flush` once (when a first item is queued); told of every later item if it wants to be. */
export type Schedule = ((flush: () => void) => void) & { queued?(): void };

export function frameBatch<T>(
  apply: (items: T[]) => void,
  schedule: Schedule = (f) => {
    requestAnimationFrame(f);
  },
  maxPerFrame = Number.POSITIVE_INFINITY,
): Batcher<T> {
  const queue: T[] = [];
  let scheduled = false;
  const flush = (): void => {
    // A flood bigger than one frame's share is spread over several frames, so none becomes a long task.
    const items = queue.splice(0, maxPerFrame);
    if (queue.length > 0) schedule(flush);
    else scheduled = false;
    if (items.length > 0) apply(items);
  };
  const push = (item: T): void => {
    queue.push(item);
    schedule.queued?.();
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  };
  // A flush still scheduled finds the queue empty and does nothing.
  return Object.assign(push, { now: () => (queue.length > 0 ? apply(queue.splice(0)) : undefined) });
}

/**
 * A schedule for frameBatch that applies at most once per `minIntervalMs` (the first change at the next
 * frame): a flood of presences repaints a few times, not every frame, which leaves the machine to the
 * engine and the server that bring them. The interval may be a function, asked at each scheduling.
 */
export function throttledFrames(
  minIntervalMs: number | (() => number),
  now: () => number = () => performance.now(),
  wait: (run: () => void, ms: number) => void = (run, ms) => {
    setTimeout(run, ms);
  },
  frame: (run: () => void) => void = (run) => {
    requestAnimationFrame(run);
  },
): (flush: () => void) => void {
  let last = Number.NEGATIVE_INFINITY;
  const interval = typeof minIntervalMs === 'number' ? () => minIntervalMs : minIntervalMs;
  const run = (flush: () => void) => (): void => {
    last = now();
    flush();
  };
  return (flush) => {
    const early = last + interval() - now();
    if (early <= 0) frame(run(flush));
    else wait(() => frame(run(flush)), early);
  };
}

/**
 * A schedule for frameBatch that waits for the burst to settle: applies at the next frame once nothing came
 * for `quietMs`, and at the latest `maxWaitMs` after the first item. A login's flood of presences then
 * repaints a few times while it lasts and once right after it ends.
 */
export function settledFrames(
  quietMs: number,
  maxWaitMs: number,
  now: () => number = () => performance.now(),
  wait: (run: () => void, ms: number) => void = (run, ms) => {
    setTimeout(run, ms);
  },
  frame: (run: () => void) => void = (run) => {
    requestAnimationFrame(run);
  },
): Schedule {
  let first = 0;
  let latest = 0;
  let pending: (() => void) | undefined;
  const check = (): void => {
    const due = Math.min(latest + quietMs, first + maxWaitMs);
    const left = due - now();
    if (left > 0) return wait(check, left);
    const flush = pending;
    pending = undefined;
    if (flush) frame(flush);
  };
  return Object.assign(
    (flush: () => void): void => {
      first = latest = now();
      pending = flush;
      wait(check, quietMs);
    },
    {
      queued: (): void => {
        latest = now();
      },
    },
  );
}
