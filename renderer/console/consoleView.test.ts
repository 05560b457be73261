import { assert, test } from 'vitest';
import { CONSOLE_MAX_ENTRIES, type ConsoleEntry } from '../../shared/model/console.ts';
import { appendEntries, copyText, visibleEntries } from './consoleView.ts';

const entry = (seq: number, kind: ConsoleEntry['kind'] = 'iq', xml = `<iq id="${seq}"/>`): ConsoleEntry => ({
  seq,
  at: Date.UTC(2026, 10, 30, 12, 0, 0, seq),
  dir: seq % 2 ? 'out' : 'in',
  kind,
  xml,
});

test('entries append once each and stay within the limit, newest kept', () => {
  let shown = appendEntries([], [entry(1), entry(2)]);
  shown = appendEntries(shown, [entry(2), entry(3)]);
  assert.deepEqual(
    shown.map((e) => e.seq),
    [1, 2, 3],
  );
  const many = Array.from({ length: CONSOLE_MAX_ENTRIES + 10 }, (_, i) => entry(i + 4));
  shown = appendEntries(shown, many);
  assert.equal(shown.length, CONSOLE_MAX_ENTRIES);
  assert.equal(shown.at(-1)?.seq, CONSOLE_MAX_ENTRIES + 13);
});

test('filter by kind and text; copy says time and direction', () => {
  const all = [entry(1, 'message', '<message><body>Hi</body></message>'), entry(2, 'presence', '<presence/>')];
  assert.deepEqual(
    visibleEntries(all, 'message', '').map((e) => e.seq),
    [1],
  );
  assert.deepEqual(
    visibleEntries(all, 'all', 'PRESENCE').map((e) => e.seq),
    [2],
  );
  assert.equal(copyText(all), '12:00:00.001 >>>\n<message><body>Hi</body></message>\n\n12:00:00.002 <<<\n<presence/>');
});
