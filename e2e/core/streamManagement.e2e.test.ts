import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatMessage } from '../../shared/model/message.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

function incoming(engine: TestEngine): ChatMessage[] {
  const list: ChatMessage[] = [];
  engine.core.events.on('message.added', (m) => {
    if (m.direction === 'in') list.push(m);
  });
  return list;
}

const bodies = (list: readonly ChatMessage[]): string[] => list.map((m) => m.body).sort();

test('a TCP cut while both sides send: the stream resumes and every message is on both sides exactly once', async () => {
  const [aUser, bUser] = [await newUser(server, 'mobile'), await newUser(server, 'steady')];
  const a = await startEngine(server, aUser);
  const b = await startEngine(server, bUser);
  const [toA, toB] = [incoming(a), incoming(b)];
  const runtime = a.core.runtime(a.account);
  assert.ok(runtime.streamManagement.enabled, 'stream management is on');

  const expectedAtB: string[] = [];
  const expectedAtA: string[] = [];
  for (let i = 0; i < 30; i++) {
    if (i === 10) runtime.dropTransport();
    expectedAtB.push(`a→b ${i}`);
    expectedAtA.push(`b→a ${i}`);
    await Promise.all([
      a.core.commands['chat.send']({ account: a.account, to: b.account, body: `a→b ${i}` }),
      b.core.commands['chat.send']({ account: b.account, to: a.account, body: `b→a ${i}` }),
    ]);
    await sleep(10);
  }
  await eventually(() => runtime.state.status === 'online', 'the cut stream to come back', 15_000);
  assert.equal(runtime.streamManagement.resumed, true, 'the session was resumed, not re-created');
  await eventually(() => toB.length >= 30 && toA.length >= 30, 'all 60 messages to arrive', 15_000);
  await eventually(
    () => a.core.store.messages.outbox(a.account).length === 0,
    'the outbox to be acknowledged empty',
    10_000,
  );
  await sleep(500);
  assert.deepEqual(bodies(toB), expectedAtB.sort());
  assert.deepEqual(bodies(toA), expectedAtA.sort());
  assert.equal(a.core.store.messages.count(a.account, b.account), 60);
  assert.equal(b.core.store.messages.count(b.account, a.account), 60);
  const states = (await a.core.commands['chat.history']({ account: a.account, peer: b.account, limit: 100 }))
    .filter((m) => m.direction === 'out')
    .map((m) => m.state);
  assert.deepEqual([...new Set(states)], ['acked']);
  await Promise.all([a.close(), b.close()]);
});
