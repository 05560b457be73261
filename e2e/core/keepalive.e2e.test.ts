// A connection that goes silent (a laptop that slept, a NAT that forgot the flow): the engine asks the
// server after a quiet spell, takes no answer as a dead socket, resumes at once, and loses nothing.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { ConnectionState } from '../../shared/model/connection.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

/** A TCP proxy to Prosody whose current connections can be made to swallow everything, without closing. */
async function stallingProxy(target: number): Promise<{ port: number; stall(): void; close(): Promise<void> }> {
  const pairs: Array<{ client: Socket; upstream: Socket; stalled: boolean }> = [];
  const proxy: Server = createServer((client) => {
    const upstream = createConnection({ host: '127.0.0.1', port: target });
    const pair = { client, upstream, stalled: false };
    pairs.push(pair);
    client.on('data', (data) => !pair.stalled && upstream.write(data));
    upstream.on('data', (data) => !pair.stalled && client.write(data));
    for (const socket of [client, upstream]) socket.on('error', () => undefined);
    client.on('close', () => !pair.stalled && upstream.destroy());
    upstream.on('close', () => !pair.stalled && client.destroy());
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  return {
    port: (proxy.address() as AddressInfo).port,
    stall: () => {
      for (const pair of pairs) pair.stalled = true;
    },
    close: async () => {
      for (const { client, upstream } of pairs) [client, upstream].forEach((s) => s.destroy());
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    },
  };
}

test('a silent connection is noticed within the keepalive budget, resumed at once, and nothing sent meanwhile is lost', async (t) => {
  const proxy = await stallingProxy(server.ports.c2s);
  const [meUser, peerUser] = [await newUser(server, 'sleeper'), await newUser(server, 'talker')];
  const keepalive = { idleMs: 1_000, answerMs: 1_000 };
  const me = await startEngine(server, meUser, { connect: false, core: { keepalive } });
  const peer = await startEngine(server, peerUser);
  t.after(async () => {
    await Promise.all([me.close(), peer.close()]);
    await proxy.close();
  });
  await me.core.commands['account.update']({ account: me.account, port: proxy.port });
  await me.core.commands['account.connect']({ account: me.account });
  // Both directions: chat in clear (a device that missed a message could not decrypt it).
  for (const [engine, other] of [
    [me, peer],
    [peer, me],
  ] as const)
    await engine.core.commands['omemo.setEnabled']({ account: engine.account, peer: other.account, enabled: false });
  const states: ConnectionState[] = [];
  me.core.events.on('connection.stateChanged', (e) => states.push(e.state));

  proxy.stall();
  const stalledAt = Date.now();
  await peer.core.commands['chat.send']({ account: peer.account, to: me.account, body: 'did you fall asleep?' });
  await eventually(() => states.some((s) => s.status === 'reconnecting'), 'the dead socket to be noticed', 30_000);
  const noticedAfter = Date.now() - stalledAt;
  // Quiet spell, then the unanswered question (the check runs four times per interval).
  assert.ok(noticedAfter >= keepalive.idleMs, `noticed after ${noticedAfter} ms`);
  const reconnecting = states.find((s) => s.status === 'reconnecting');
  assert.equal(
    reconnecting?.status === 'reconnecting' && reconnecting.at - Date.now() <= 0,
    true,
    'at once, no backoff',
  );
  await eventually(() => me.core.runtime(me.account).state.status === 'online', 'online again', 30_000);
  assert.equal(me.core.runtime(me.account).streamManagement.resumed, true, 'the session was resumed');
  await eventually(
    async () =>
      (await me.core.commands['chat.history']({ account: me.account, peer: peer.account })).some(
        (m) => m.body === 'did you fall asleep?',
      ),
    'the message sent during the silence',
    30_000,
  );
  const history = await me.core.commands['chat.history']({ account: me.account, peer: peer.account });
  assert.equal(history.filter((m) => m.body === 'did you fall asleep?').length, 1, 'once');
});
