import { type RefObject, useEffect, useState } from 'react';

/**
 * An element's height, kept current by a ResizeObserver: reading `offsetHeight` during a render would force
 * the browser to lay out the whole page there and then (17 ms of a room's first render, in the roster).
 */
export function useElementHeight(element: RefObject<HTMLElement | null>): number {
  const [height, setHeight] = useState(0);
  useEffect(() => {
    const el = element.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(([entry]) => {
      setHeight(Math.ceil(entry?.borderBoxSize[0]?.blockSize ?? el.offsetHeight));
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, [element]);
  return height;
}
