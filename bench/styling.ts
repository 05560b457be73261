// Message styling (XEP-0393) on hostile bodies: the renderer's parser beside one linear pass over the same text.
import { MAX_STYLED_CHARS, parseStyling } from '../renderer/styling/parseStyling.ts';
import { compare, median } from './stats.ts';

function timeOf(work: () => unknown, runs = 5): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    times.push(performance.now() - started);
  }
  return median(times);
}

/** The floor: every character looked at once (what any parser must do at least). */
function scan(text: string): number {
  let marks = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 42) marks++;
  return marks;
}

export function benchStyling(): void {
  const unmatched = '*a '.repeat(200_000).slice(0, MAX_STYLED_CHARS - 1);
  compare(
    'styling: 64 KiB of unmatched *',
    'ms',
    timeOf(() => parseStyling(unmatched)),
    timeOf(() => scan(unmatched)),
  );
  const huge = 'x'.repeat(1_000_000);
  compare(
    'styling: 1 MB body',
    'ms',
    timeOf(() => parseStyling(huge)),
    timeOf(() => scan(huge)),
  );
}
