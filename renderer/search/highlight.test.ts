import { assert, test } from 'vitest';
import { highlightParts } from './highlight.ts';

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
