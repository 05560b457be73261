import { assert, test } from 'vitest';
import { lastSeen } from './lastSeen.ts';

test('last seen picks the largest whole unit', () => {
  assert.deepEqual(lastSeen(5), { unit: 'justNow' });
  assert.deepEqual(lastSeen(59 * 60 + 59), { unit: 'minutes', count: 59 });
  assert.deepEqual(lastSeen(3 * 3600 + 10), { unit: 'hours', count: 3 });
  assert.deepEqual(lastSeen(49 * 3600), { unit: 'days', count: 2 });
});
