// Marks the words that match the in-chat find (Ctrl+F) in the messages on screen, as a browser's find
// does, with the CSS Custom Highlight API: no change to the message DOM, and re-marked as rows scroll in.
import { type RefObject, useEffect } from 'react';
import { matchRanges } from '../search/highlight.ts';

export const FIND_HIGHLIGHT = 'find-match';

function markAll(log: Element, query: string): Highlight {
  const ranges: Range[] = [];
  for (const text of log.querySelectorAll('.bubble .styled-text, .bubble .reply-quote')) {
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const [start, end] of matchRanges(node.textContent ?? '', query)) {
        const range = new Range();
        range.setStart(node, start);
        range.setEnd(node, end);
        ranges.push(range);
      }
    }
  }
  return new Highlight(...ranges);
}

export function useFindMarks(logRef: RefObject<HTMLElement | null>, query: string): void {
  useEffect(() => {
    const log = logRef.current;
    if (!log || typeof CSS.highlights === 'undefined') return;
    let frame = 0;
    const update = (): void => {
      frame = 0;
      CSS.highlights.set(FIND_HIGHLIGHT, markAll(log, query));
    };
    update();
    const observer = new MutationObserver(() => {
      frame ||= requestAnimationFrame(update);
    });
    observer.observe(log, { childList: true, subtree: true, characterData: true });
    return () => {
      observer.disconnect();
      cancelAnimationFrame(frame);
      CSS.highlights.delete(FIND_HIGHLIGHT);
    };
  }, [logRef, query]);
}
