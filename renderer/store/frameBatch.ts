// Coalesces bursts of engine events (a login brings one presence per contact resource) into one
// state update per animation frame, so 2,000 presences cost one render, not 2,000.
export function frameBatch<T>(apply: (items: T[]) => void, schedule: (flush: () => void) => void = (f) => { requestAnimationFrame(f); }): (item: T) => void {
  let queue: T[] = [];
  return (item) => {
    queue.push(item);
    if (queue.length > 1) return;
    schedule(() => {
      const items = queue;
      queue = [];
      apply(items);
    });
  };
}
