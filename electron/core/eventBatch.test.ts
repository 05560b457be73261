import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RaisedEvent } from '../../shared/ipc/bridge.ts';
import { eventBatch } from './eventBatch.ts';

test('events of one turn go out together and in order; a flush sends at once; nothing is sent twice', async () => {
  const deliveries: RaisedEvent[][] = [];
  const batch = eventBatch((events) => deliveries.push(events));
  for (let i = 0; i < 5000; i++) batch.push({ name: 'muc.occupantsChanged', payload: i });
  assert.equal(deliveries.length, 0, 'not before the turn ends');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(deliveries.length, 1);
  assert.deepEqual(
    deliveries[0]?.map((e) => e.payload),
    Array.from({ length: 5000 }, (_, i) => i),
  );
  batch.push({ name: 'a', payload: 1 });
  batch.flush();
  assert.deepEqual(deliveries[1], [{ name: 'a', payload: 1 }], 'flushed at once');
  await new Promise((resolve) => setImmediate(resolve));
  assert.equal(deliveries.length, 2, 'the scheduled turn finds nothing left');
});
