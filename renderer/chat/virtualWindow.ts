// The arithmetic of a virtualized list with rows of measured (or estimated) heights.

export interface Layout {
  keys: readonly string[];
  /** offsets[i] is the top of row i; offsets[keys.length] is the total height. */
  offsets: Float64Array;
}

export function computeLayout(keys: readonly string[], heights: ReadonlyMap<string, number>, estimate: number): Layout {
  const offsets = new Float64Array(keys.length + 1);
  for (let i = 0; i < keys.length; i++) offsets[i + 1] = (offsets[i] ?? 0) + (heights.get(keys[i] ?? '') ?? estimate);
  return { keys, offsets };
}

/** The row that contains the pixel offset y (clamped to the list). */
export function rowAt(layout: Layout, y: number): number {
  const n = layout.keys.length;
  if (n === 0) return 0;
  let lo = 0;
  let hi = n - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((layout.offsets[mid] ?? 0) <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Rows to render for a viewport, with `overscan` pixels of margin on each side; end is exclusive. */
export function visibleRange(
  layout: Layout,
  scrollTop: number,
  viewportHeight: number,
  overscan: number,
): { start: number; end: number } {
  if (layout.keys.length === 0) return { start: 0, end: 0 };
  const start = rowAt(layout, Math.max(0, scrollTop - overscan));
  const end = rowAt(layout, scrollTop + viewportHeight + overscan) + 1;
  return { start, end: Math.min(end, layout.keys.length) };
}

/**
 * Where to scroll after the rows or their heights changed so that what the user was looking at
 * stays put: the first visible row keeps its distance from the top of the viewport.
 */
export function keepAnchor(before: Layout, after: Layout, scrollTop: number): number {
  if (before.keys.length === 0) return scrollTop;
  const anchor = rowAt(before, scrollTop);
  const key = before.keys[anchor];
  const within = scrollTop - (before.offsets[anchor] ?? 0);
  const moved = after.keys.indexOf(key ?? '');
  if (moved === -1) return scrollTop;
  return (after.offsets[moved] ?? 0) + within;
}
