import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectionState } from '../../shared/model/connection.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('the server stopped and restarted: the engine reconnects by itself and delivers what was typed meanwhile', async () => {
  const [aUser, bUser] = [await newUser(server, 'survivor'), await newUser(server, 'witness')];
  const a = await startEngine(server, aUser);
  const states: ConnectionState[] = [];
  a.core.events.on('connection.stateChanged', (e) => states.push(e.state));

  await server.halt();
  await eventually(() => a.core.runtime(a.account).state.status === 'reconnecting', 'the drop to be noticed');
  const during = await a.core.commands['chat.send']({
    account: a.account,
    to: bUser.jid,
    body: 'typed while the server was down',
  });
  assert.equal(during.state, 'queued');
  await sleep(1500);
  const retrying = states.filter((s) => s.status === 'reconnecting');
  assert.ok(retrying.length >= 2, 'it kept retrying');
  for (const s of retrying) assert.ok(s.status === 'reconnecting' && s.at > 0 && s.attempt >= 1);

  await server.start();
  await eventually(() => a.core.runtime(a.account).state.status === 'online', 'the engine to be back online', 15_000);
  const b = await startEngine(server, bUser);
  await eventually(
    () => b.core.store.messages.count(b.account) === 1,
    'the queued message to arrive (offline storage)',
  );
  const [message] = await b.core.commands['chat.history']({ account: b.account, peer: a.account });
  assert.equal(message?.body, 'typed while the server was down');
  await sleep(300);
  assert.equal(b.core.store.messages.count(b.account), 1);
  await Promise.all([a.close(), b.close()]);
});

test('going offline on purpose cancels the reconnect loop', async () => {
  const user = await newUser(server, 'quitter');
  const a = await startEngine(server, user);
  await server.halt();
  await eventually(() => a.core.runtime(a.account).state.status === 'reconnecting', 'reconnecting');
  await a.core.commands['account.disconnect']({ account: a.account });
  const states: string[] = [];
  a.core.events.on('connection.stateChanged', (e) => states.push(e.state.status));
  await server.start();
  await sleep(1500);
  assert.deepEqual(states, [], 'no attempt after going offline');
  assert.equal(a.core.runtime(a.account).state.status, 'offline');
  await a.close();
});
