import { assert, test } from 'vitest';
import data from 'emojibase-data/en/compact.json';
import shortcodes from 'emojibase-data/en/shortcodes/emojibase.json';
import { buildIndex, searchEmoji, shortcodeAt, shortcodeMatches, withSkin } from './emojiIndex.ts';

const index = buildIndex(data, shortcodes);

test('the data set is there, in Unicode order, without the component swatches', () => {
  assert.ok(index.length > 1500);
  assert.equal(index[0]?.label, 'grinning face');
  assert.ok(!index.some((e) => e.label === 'medium skin tone'));
});

test('search by name, tag and shortcode; skin tones where the emoji has them', () => {
  const thumbs = searchEmoji(index, 'thumbs up')[0];
  assert.equal(thumbs?.label, 'thumbs up');
  assert.equal(searchEmoji(index, '+1')[0]?.label, 'thumbs up');
  assert.equal(thumbs && withSkin(thumbs, 3), '👍🏽');
  const cake = searchEmoji(index, 'birthday')[0];
  assert.equal(cake && withSkin(cake, 3), cake?.unicode, 'no tones: unchanged');
  assert.deepEqual(searchEmoji(index, '   '), []);
});

test(':shortcode completion: what is being typed, and its matches', () => {
  assert.deepEqual(shortcodeAt('nice :thu', 9), { start: 5, query: 'thu' });
  assert.equal(shortcodeAt('ratio 3:2', 9), undefined);
  assert.equal(shortcodeAt(':t', 2), undefined);
  assert.equal(shortcodeMatches(index, 'thumbsu')[0]?.label, 'thumbs up');
});
