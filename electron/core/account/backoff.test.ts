import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay } from './backoff.ts';

test('backoff doubles per attempt, is capped, and jitters within the upper half of the window', () => {
  const policy = { baseMs: 1000, maxMs: 8000 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 9].map((n) => backoffDelay(n, policy, () => 1)),
    [1000, 2000, 4000, 8000, 8000, 8000],
  );
  assert.deepEqual(
    [1, 2, 3].map((n) => backoffDelay(n, policy, () => 0)),
    [500, 1000, 2000],
  );
});
