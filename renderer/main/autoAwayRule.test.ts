import { assert, test } from 'vitest';
import { autoAwayShow } from './autoAwayRule.ts';

test('away after the first limit, extended away after the second, off at 0', () => {
  const min = 60_000;
  assert.strictEqual(autoAwayShow(9 * min, 10, 30), undefined);
  assert.strictEqual(autoAwayShow(10 * min, 10, 30), 'away');
  assert.strictEqual(autoAwayShow(31 * min, 10, 30), 'xa');
  assert.strictEqual(autoAwayShow(31 * min, 10, 0), 'away', 'no extended away');
  assert.strictEqual(autoAwayShow(99 * min, 0, 30), undefined, 'off');
});
