import { assert, test } from 'vitest';
import { completeNick } from './nickCompletion.ts';

const nicks = ['Anna', 'annika', 'Ben'];

test('at the start a nick becomes "Nick: ", elsewhere "Nick "; case does not matter', () => {
  assert.deepEqual(completeNick('an', 2, nicks), { text: 'Anna: ', caret: 6, prefix: 'an', index: 0 });
  const mid = completeNick('hi be and', 5, nicks);
  assert.equal(mid?.text, 'hi Ben  and');
  assert.equal(mid?.caret, 7);
  assert.equal(completeNick('xyz', 3, nicks), undefined);
  assert.equal(completeNick('hello ', 6, nicks), undefined);
});

test('Tab again goes to the next match and around', () => {
  const first = completeNick('an', 2, nicks);
  const second = completeNick(first?.text ?? '', first?.caret ?? 0, nicks, first);
  assert.equal(second?.text, 'annika: ');
  const third = completeNick(second?.text ?? '', second?.caret ?? 0, nicks, second);
  assert.equal(third?.text, 'Anna: ');
});
