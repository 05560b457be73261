// Coalesces bursts of engine events (a login brings one presence per contact resource) into one
// state update per animation frame, so 2,000 presences cost one render, not 2,000.
export function frameBatch<T>(
  apply: (items: T[]) => void,
  schedule: (flush: () => void) => void = (f) => {
    requestAnimationFrame(f);
  },
  maxPerFrame = Number.POSITIVE_INFINITY,
): (item: T) => void {
  const queue: T[] = [];
  let scheduled = false;
  const flush = (): void => {
    // A flood bigger than one frame's share is spread over several frames, so none becomes a long task.
    const items = queue.splice(0, maxPerFrame);
    if (queue.length > 0) schedule(flush);
    else scheduled = false;
    apply(items);
  };
  return (item) => {
    queue.push(item);
    if (scheduled) return;
    scheduled = true;
    schedule(flush);
  };
}
