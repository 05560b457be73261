// The same engine tests on Prosody and on ejabberd: login, chat with carbons, the archive, presence.
// What differs between the servers is handled in the engine, not here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatMessage } from '../../shared/model/message.ts';
import { newUser, startEngine, befriend, type TestEngine } from '../helpers/accounts.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';
import { onEachServer } from '../server/servers.ts';

/** The strongest SCRAM each server offers for the passwords it stores (ejabberd is set to SHA-512). */
const EXPECTED_SASL = { prosody: 'SCRAM-SHA-1', ejabberd: 'SCRAM-SHA-512' } as const;

const history = (engine: TestEngine, peer: string): Promise<ChatMessage[]> =>
  engine.core.commands['chat.history']({ account: engine.account, peer: peer as never, limit: 500 });

onEachServer((at, kind) => {
  test('logs in with the strongest SCRAM offered and binds the asked resource', async () => {
    const user = await newUser(at.server, 'login');
    const engine = await startEngine(at.server, user, { resource: 'desk' });
    assert.deepEqual(engine.core.runtime(user.jid).state, { status: 'online', jid: `${user.jid}/desk` });
    const log = await engine.core.commands['console.open']({ account: user.jid });
    const auth = log.find((entry) => entry.dir === 'out' && entry.xml.startsWith('<auth '));
    assert.match(auth?.xml ?? '', new RegExp(`mechanism="${EXPECTED_SASL[kind]}"`));
    await engine.core.commands['account.disconnect']({ account: user.jid });
    await engine.core.commands['account.update']({ account: user.jid, password: 'not-the-password' });
    await assert.rejects(engine.core.commands['account.connect']({ account: user.jid }), /not-authorized/);
    assert.equal(engine.core.runtime(user.jid).state.status, 'authFailed');
    await engine.close();
  });

  test('a chat message reaches the peer once, and our other device as a carbon; presence both ways', async () => {
    const [meUser, peerUser] = [await newUser(at.server, 'desk'), await newUser(at.server, 'peer')];
    const desk = await startEngine(at.server, meUser, { resource: 'desk' });
    const phone = await startEngine(at.server, meUser, { resource: 'phone' });
    const peer = await startEngine(at.server, peerUser);
    await befriend(desk, peer, { name: 'Peer' }, { name: 'Me' });
    await eventually(
      async () =>
        (await peer.core.commands['presence.list']({ account: peer.account })).some(
          (p) => p.jid === meUser.jid && p.resources.length === 2,
        ),
      'the peer to see both of our devices online',
    );
    await desk.core.commands['chat.send']({ account: desk.account, to: peerUser.jid, body: 'from the desk' });
    await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: 'to both of you' });
    for (const device of [desk, phone])
      await eventually(async () => (await history(device, peerUser.jid)).length === 2, 'both messages on each device');
    await eventually(async () => (await history(peer, meUser.jid)).length === 2, 'both at the peer');
    await sleep(300);
    for (const device of [desk, phone])
      assert.deepEqual(
        (await history(device, peerUser.jid)).map((m) => [m.direction, m.body]),
        [
          ['out', 'from the desk'],
          ['in', 'to both of you'],
        ],
      );
    assert.ok(
      (await history(peer, meUser.jid)).filter((m) => m.direction === 'in').every((m) => m.stanzaId),
      'the server stamped a stanza-id',
    );
    await Promise.all([desk.close(), phone.close(), peer.close()]);
  });

  test('messages sent while we were offline arrive once, in order (offline storage and the archive both hold them)', async () => {
    const [meUser, peerUser] = [await newUser(at.server, 'away'), await newUser(at.server, 'chatty')];
    const peer = await startEngine(at.server, peerUser);
    await peer.core.commands['omemo.setEnabled']({ account: peer.account, peer: meUser.jid, enabled: false });
    for (let i = 0; i < 60; i++)
      await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: `while away ${i}` });
    await eventually(() => peer.core.store.messages.outbox(peer.account).length === 0, 'all sent', 20_000);
    const me = await startEngine(at.server, meUser);
    await eventually(async () => (await history(me, peerUser.jid)).length >= 60, 'all 60 to arrive', 20_000);
    await me.core.runtime(me.account).modules.mam.running;
    await sleep(500);
    const got = await history(me, peerUser.jid);
    assert.deepEqual(
      got.map((m) => m.body),
      Array.from({ length: 60 }, (_, i) => `while away ${i}`),
    );
    // A second session catches up from where it stopped: nothing twice.
    await me.core.commands['account.disconnect']({ account: me.account });
    await me.core.commands['account.connect']({ account: me.account });
    await me.core.runtime(me.account).modules.mam.running;
    await sleep(300);
    assert.equal((await history(me, peerUser.jid)).length, 60);
    await Promise.all([me.close(), peer.close()]);
  });
});
