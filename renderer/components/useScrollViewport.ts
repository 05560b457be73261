import { type RefObject, useCallback, useEffect, useState } from 'react';

export interface Viewport {
  top: number;
  height: number;
}

/** The visible window of a scroll container, kept current on resize; call `read` from onScroll. */
export function useScrollViewport(
  scroller: RefObject<HTMLElement | null>,
  initialHeight: number,
): [Viewport, () => void] {
  const [viewport, setViewport] = useState<Viewport>({ top: 0, height: initialHeight });
  const read = useCallback(() => {
    const el = scroller.current;
    if (el)
      setViewport((v) =>
        v.top === el.scrollTop && v.height === el.clientHeight ? v : { top: el.scrollTop, height: el.clientHeight },
      );
  }, [scroller]);
  useEffect(() => {
    const el = scroller.current;
    if (!el) return undefined;
    const observer = new ResizeObserver(read);
    observer.observe(el);
    return () => observer.disconnect();
  }, [scroller, read]);
  return [viewport, read];
}
