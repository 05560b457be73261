import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import xml, { type Element } from '@xmpp/xml';
import type { ChatMessage } from '../../shared/model/message.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, otherDevice, rawClient, startEngine, type TestEngine, type TestUser } from '../helpers/accounts.ts';
import type { Core, CoreOptions } from '../../electron/core/index.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody({ smacksHibernationSeconds: 1 });
});
after(async () => {
  await server.stop();
});

async function history(engine: TestEngine, peer: string): Promise<ChatMessage[]> {
  return engine.core.commands['chat.history']({ account: engine.account, peer: peer as never, limit: 500 });
}

/** `count` messages from the peer (in clear), received by another device of `user`: they are in its archive. */
async function archivedFrom(user: TestUser, peerUser: TestUser, count: number, body: string): Promise<TestEngine> {
  const phone = await otherDevice(server, user);
  const peer = await startEngine(server, peerUser);
  await peer.core.commands['omemo.setEnabled']({ account: peer.account, peer: user.jid, enabled: false });
  for (let i = 0; i < count; i++)
    await peer.core.commands['chat.send']({ account: peer.account, to: user.jid, body: `${body} ${i}` });
  await phone.waitFor(count);
  await phone.stop();
  return peer;
}

/** The bodies of the oldest `max` messages in `user`'s archive, each once (a message the sender had to send again, on a new session, is archived twice with one origin-id; clients keep it once). */
async function oldestInArchive(user: TestUser, max: number): Promise<string[]> {
  const reader = await rawClient(server, user, 'archive-reader');
  const byOrigin = new Map<string, string>();
  reader.on('stanza', (stanza: Element) => {
    const message = stanza.getChild('result', 'urn:xmpp:mam:2')?.getChild('forwarded')?.getChild('message');
    const body = message?.getChildText('body');
    const origin = message?.getChild('origin-id', 'urn:xmpp:sid:0')?.attrs.id ?? body;
    if (body && origin && !byOrigin.has(origin)) byOrigin.set(origin, body);
  });
  await reader.sendReceive(
    xml(
      'iq',
      { type: 'set', id: 'oldest' },
      xml(
        'query',
        { xmlns: 'urn:xmpp:mam:2', queryid: 'oldest' },
        xml('set', { xmlns: 'http://jabber.org/protocol/rsm' }, xml('max', {}, String(max))),
      ),
    ),
  );
  await reader.stop();
  return [...byOrigin.values()];
}

/** A device of `user` that did not exist when the archive filled, connected, with the archive states it reports. */
async function laterDevice(user: TestUser, options: Partial<CoreOptions>): Promise<{ core: Core; statuses: string[] }> {
  const { core } = await startEngine(server, user, { connect: false, core: options });
  const statuses: string[] = [];
  core.events.on('archive.status', (e) => statuses.push(e.status));
  await core.commands['account.connect']({ account: user.jid });
  return { core, statuses };
}

test('500 messages sent while the account was offline: all appear on login, in order, once', async () => {
  const [meUser, peerUser] = [await newUser(server, 'away'), await newUser(server, 'chatty')];
  const peer = await startEngine(server, peerUser);
  for (let i = 0; i < 500; i++)
    await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: `offline ${i}` });
  await eventually(
    () => peer.core.store.messages.outbox(peer.account).length === 0,
    'the peer to have sent them all',
    20_000,
  );

  const me = await startEngine(server, meUser);
  await eventually(() => me.core.store.messages.count(me.account, peerUser.jid) >= 500, 'all 500 to arrive', 20_000);
  await me.core.runtime(me.account).modules.mam.running;
  await sleep(300);
  const got = await history(me, peerUser.jid);
  assert.equal(got.length, 500);
  assert.deepEqual(
    got.map((m) => m.body),
    Array.from({ length: 500 }, (_, i) => `offline ${i}`),
  );
  assert.equal(new Set(got.map((m) => m.stanzaId)).size, 500, 'each carries its archive id');
  await Promise.all([me.close(), peer.close()]);
});

test('two devices of one account and a peer: every message in either direction is on both devices once', async () => {
  const [meUser, peerUser] = [await newUser(server, 'twin'), await newUser(server, 'friend')];
  const desk = await startEngine(server, meUser, { resource: 'desk' });
  const phone = await startEngine(server, meUser, { resource: 'phone' });
  const peer = await startEngine(server, peerUser);
  const everywhere = async (n: number): Promise<void> => {
    for (const device of [desk, phone, peer])
      await eventually(() => device.core.store.messages.count(device.account) === n, `message ${n} on every device`);
  };
  await desk.core.commands['chat.send']({ account: desk.account, to: peerUser.jid, body: 'from the desk' });
  await everywhere(1);
  await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: 'to both of you' });
  await everywhere(2);
  await phone.core.commands['chat.send']({ account: phone.account, to: peerUser.jid, body: 'from the phone' });
  await everywhere(3);
  const expected = [
    ['out', 'from the desk'],
    ['in', 'to both of you'],
    ['out', 'from the phone'],
  ];
  for (const device of [desk, phone]) {
    await eventually(async () => (await history(device, peerUser.jid)).length === 3, 'each device to have all three');
  }
  await sleep(500);
  for (const device of [desk, phone]) {
    assert.deepEqual(
      (await history(device, peerUser.jid)).map((m) => [m.direction, m.body]),
      expected,
    );
  }
  assert.deepEqual(
    (await history(peer, meUser.jid)).map((m) => m.body),
    ['from the desk', 'to both of you', 'from the phone'],
  );

  // A second login of the phone (fresh session, catch-up from its position) adds nothing.
  await phone.core.commands['account.disconnect']({ account: phone.account });
  await phone.core.commands['account.connect']({ account: phone.account });
  await phone.core.runtime(phone.account).modules.mam.running;
  await sleep(300);
  assert.equal((await history(phone, peerUser.jid)).length, 3);
  await Promise.all([desk.close(), phone.close(), peer.close()]);
});

test('a cut longer than the resumption window: a new session, the archive fills the gap, nothing twice', async () => {
  const [meUser, peerUser] = [await newUser(server, 'tunnel'), await newUser(server, 'sender')];
  const me = await startEngine(server, meUser);
  const peer = await startEngine(server, peerUser);
  await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: 'before the tunnel' });
  await eventually(() => me.core.store.messages.count(me.account) === 1, 'the first message');
  const runtime = me.core.runtime(me.account);

  // The network goes away for longer than the server keeps the session (1 s here).
  await me.core.commands['account.update']({ account: me.account, port: 1 });
  runtime.dropTransport();
  await eventually(() => runtime.state.status === 'reconnecting', 'the drop to be noticed');
  for (let i = 0; i < 5; i++)
    await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: `in the tunnel ${i}` });
  await sleep(2500);
  await me.core.commands['account.update']({ account: me.account, port: server.ports.c2s });
  await me.core.commands['account.connect']({ account: me.account });
  assert.equal(runtime.streamManagement.resumed, false, 'the old session was gone');
  await runtime.modules.mam.running;
  await eventually(() => me.core.store.messages.count(me.account) === 6, 'the missed messages to be filled in', 10_000);
  await sleep(500);
  assert.deepEqual(
    (await history(me, peerUser.jid)).map((m) => m.body),
    ['before the tunnel', ...Array.from({ length: 5 }, (_, i) => `in the tunnel ${i}`)],
  );
  await Promise.all([me.close(), peer.close()]);
});

test('spoofed carbons and spoofed archive results from another account are ignored', async () => {
  const [victimUser, malloryUser] = [await newUser(server, 'victim'), await newUser(server, 'mallory')];
  const victim = await startEngine(server, victimUser, { resource: 'home' });
  const mallory = await rawClient(server, malloryUser);
  const forged = (body: string) =>
    xml(
      'forwarded',
      { xmlns: 'urn:xmpp:forward:0' },
      xml('message', { from: `${victimUser.jid}/home`, to: 'bank@localhost', type: 'chat' }, xml('body', {}, body)),
    );
  await mallory.send(
    xml(
      'message',
      { to: `${victimUser.jid}/home`, type: 'chat' },
      xml('sent', { xmlns: 'urn:xmpp:carbons:2' }, forged('send me the money')),
    ),
  );
  await mallory.send(
    xml(
      'message',
      { to: `${victimUser.jid}/home`, type: 'chat' },
      xml('received', { xmlns: 'urn:xmpp:carbons:2' }, forged('received money')),
    ),
  );
  await mallory.send(
    xml(
      'message',
      { to: `${victimUser.jid}/home` },
      xml('result', { xmlns: 'urn:xmpp:mam:2', queryid: 'guess', id: 'fake-1' }, forged('archived lie')),
    ),
  );
  await victim.core.runtime(victim.account).modules.mam.catchUp();
  await mallory.send(
    xml('message', { to: `${victimUser.jid}/home`, type: 'chat' }, xml('body', {}, 'an honest hello')),
  );
  await eventually(() => victim.core.store.messages.count(victim.account) === 1, 'the honest message');
  await sleep(300);
  assert.equal(victim.core.store.messages.count(victim.account), 1, 'nothing forged was stored');
  assert.deepEqual(
    (await history(victim, malloryUser.jid)).map((m) => m.body),
    ['an honest hello'],
  );
  await Promise.all([victim.close(), mallory.stop()]);
});

test('a catch-up cut short by its page limit reports a gap; running it again fills it', async () => {
  const [meUser, peerUser] = [await newUser(server, 'gappy'), await newUser(server, 'filler')];
  const peer = await archivedFrom(meUser, peerUser, 600, 'm');
  const { core, statuses } = await laterDevice(meUser, { archivePageLimit: 1 });
  await eventually(() => statuses.includes('incomplete'), 'the gap to be reported');
  const page = await oldestInArchive(meUser, 250);
  const stored = await core.commands['chat.history']({ account: meUser.jid, peer: peerUser.jid, limit: 500 });
  assert.deepEqual(
    stored.map((m) => m.body),
    page,
    'one page of the largest size, each message once',
  );
  await core.commands['archive.catchUp']({ account: meUser.jid });
  await core.commands['archive.catchUp']({ account: meUser.jid });
  await core.commands['archive.catchUp']({ account: meUser.jid });
  assert.equal(core.store.messages.count(meUser.jid), 600);
  assert.equal(statuses.at(-1), 'complete');
  await core.close();
  await peer.close();
});

test('a new device syncs only recent history; scrolling back pages older messages in from the archive', async () => {
  const [meUser, peerUser] = [await newUser(server, 'newdevice'), await newUser(server, 'oldfriend')];
  const peer = await archivedFrom(meUser, peerUser, 45, 'old');
  await sleep(1100); // the archive keeps whole seconds: let "now" be past the last of them
  // A first sync window of zero days: everything above is "older" for this device.
  const { core } = await laterDevice(meUser, { firstSyncDays: 0 });
  await core.runtime(meUser.jid).modules.mam.catchUp();
  assert.equal(core.store.messages.count(meUser.jid), 0, 'nothing older than the window was fetched at login');
  const newest = await core.commands['chat.history']({ account: meUser.jid, peer: peerUser.jid, limit: 20 });
  assert.deepEqual(
    newest.map((m) => m.body),
    Array.from({ length: 20 }, (_, i) => `old ${25 + i}`),
  );
  const oldest = newest[0];
  assert.ok(oldest);
  const older = await core.commands['chat.history']({
    account: meUser.jid,
    peer: peerUser.jid,
    limit: 20,
    before: oldest.timestamp,
    beforeId: oldest.id,
  });
  assert.deepEqual(
    older.map((m) => m.body),
    Array.from({ length: 20 }, (_, i) => `old ${5 + i}`),
  );
  const rest = await core.commands['chat.history']({
    account: meUser.jid,
    peer: peerUser.jid,
    limit: 20,
    before: older[0]?.timestamp ?? 0,
    beforeId: older[0]?.id ?? '',
  });
  assert.deepEqual(
    rest.map((m) => m.body),
    Array.from({ length: 5 }, (_, i) => `old ${i}`),
  );
  assert.equal(core.store.messages.count(meUser.jid), 45);
  await core.close();
  await peer.close();
});

test("a chat opened while the catch-up runs: the catch-up page and the chat's history request lose nothing and store nothing twice", async () => {
  const [meUser, peerUser] = [await newUser(server, 'racer'), await newUser(server, 'sender')];
  const peer = await archivedFrom(meUser, peerUser, 300, 'r');
  const { core, statuses } = await laterDevice(meUser, { archivePageLimit: 1 });
  // As the app does when the chat is clicked during the catch-up: a page of history, fetched from the archive when short.
  const opened = core.commands['chat.history']({ account: meUser.jid, peer: peerUser.jid, limit: 100 });
  await eventually(() => statuses.includes('incomplete'), 'the gap to be reported');
  const atGap = core.store.messages.count(meUser.jid);
  await opened;
  const stored = await core.commands['chat.history']({ account: meUser.jid, peer: peerUser.jid, limit: 1000 });
  const bodies = stored.map((m) => m.body);
  assert.equal(new Set(bodies).size, bodies.length, 'nothing twice');
  // The catch-up pages forward from the start of the archive: its one page is the oldest 250.
  const missing = Array.from({ length: 250 }, (_, i) => `r ${i}`).filter((b) => !bodies.includes(b));
  assert.deepEqual(missing, [], 'the catch-up page whole');
  assert.equal(core.store.messages.count(meUser.jid), bodies.length);
  assert.ok(atGap >= 250, `the catch-up page was stored when the gap was reported (${atGap})`);
  await core.close();
  await peer.close();
});
