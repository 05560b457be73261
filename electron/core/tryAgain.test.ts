import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tryAgain } from './tryAgain.ts';

test('a step is tried again after each wait while its failure is worth waiting out, and not otherwise', async () => {
  let calls = 0;
  const flaky = async (): Promise<string> => (++calls < 3 ? Promise.reject(new Error('not yet')) : 'done');
  assert.equal(await tryAgain(flaky, [1, 1]), 'done');
  assert.equal(calls, 3);

  calls = 0;
  await assert.rejects(tryAgain(flaky, [1]), /not yet/u, 'the last failure counts once the waits are used up');
  assert.equal(calls, 2);

  calls = 0;
  const seen: string[] = [];
  await assert.rejects(
    tryAgain(flaky, [1, 1], (error) => (seen.push(String(error)), false)),
    /not yet/u,
  );
  assert.equal(calls, 1, 'a failure not worth waiting out is not tried again');
  assert.deepEqual(seen, ['Error: not yet']);
});
