import { assert, test } from 'vitest';
import { highlightParts, matchRanges } from './highlight.ts';

test('matching words are marked as prefixes, any case and accents; the rest stays text', () => {
  assert.deepEqual(highlightParts('Der Kuchen im Café', 'kuch cafe'), [
    { text: 'Der ', match: false },
    { text: 'Kuchen', match: true },
    { text: ' im ', match: false },
    { text: 'Café', match: true },
  ]);
  const parts = highlightParts('<b>x</b>', 'b');
  assert.equal(parts.map((p) => p.text).join(''), '<b>x</b>', 'markup is only text');
  assert.deepEqual(
    parts.filter((p) => p.match).map((p) => p.text),
    ['b', 'b'],
  );
  assert.equal(highlightParts('a'.repeat(500), 'zzz')[0]?.text.length, 301, 'long texts are clipped');
});

test('match ranges are the offsets of whole matching words, for marking them inside a message', () => {
  const text = 'Grüße aus Köln, köstlich!';
  const ranges = matchRanges(text, 'kö gru');
  assert.deepEqual(
    ranges.map(([s, e]) => text.slice(s, e)),
    ['Grüße', 'Köln', 'köstlich'],
  );
  assert.deepEqual(matchRanges(text, '  '), [], 'no words, no marks');
  assert.deepEqual(matchRanges('a,b', 'c'), []);
});
