import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, rawClient, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { knowsDevices } from '../helpers/omemo.ts';
import { eventually, sleep, waitForEvent } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const stateOf = (engine: TestEngine, id: string): string | undefined => engine.core.store.messages.get(id)?.state;

test('receipts and read markers move our message to delivered and read; typing shows on the other side; reading on one device clears the other', async () => {
  const [meUser, peerUser] = [await newUser(server, 'sender'), await newUser(server, 'reader')];
  await makeContacts(server, meUser, peerUser, { name: 'Reader' }, { name: 'Sender' });
  const me = await startEngine(server, meUser, { resource: 'desk' });
  const myPhone = await startEngine(server, meUser, { resource: 'phone' });
  const peer = await startEngine(server, peerUser);

  const typing = waitForEvent(peer.core, 'chat.stateChanged', (e) => e.peer === meUser.jid && e.state === 'composing');
  await me.core.commands['chat.setChatState']({ account: me.account, peer: peerUser.jid, state: 'composing' });
  await typing;

  const sent = await me.core.commands['chat.send']({
    account: me.account,
    to: peerUser.jid,
    body: 'did you get this?',
  });
  await eventually(() => stateOf(me, sent.id) === 'delivered', 'a delivery receipt');
  // The receipt can overtake the (decrypting) store: wait for the stored copy.
  const received = await eventually(
    async () => (await peer.core.commands['chat.history']({ account: peer.account, peer: meUser.jid }))[0],
    'the peer to store the message',
  );
  assert.ok(received);
  await peer.core.commands['chat.markDisplayed']({ account: peer.account, peer: meUser.jid, id: received.id });
  await eventually(() => stateOf(me, sent.id) === 'read', 'the read marker');
  await eventually(
    () =>
      myPhone.core.store.messages.byOriginId(meUser.jid, peerUser.jid, sent.originId ?? '', 'out')?.state === 'read',
    'the other device to see it read too',
  );

  // The peer replies; reading it on the desk clears it on the phone (our marker reaches our other devices).
  await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: 'yes!' });
  await eventually(() => me.core.store.messages.count(me.account, peerUser.jid) === 2, 'the reply on the desk');
  const [, reply] = await me.core.commands['chat.history']({ account: me.account, peer: peerUser.jid });
  assert.ok(reply);
  const readElsewhere = waitForEvent(myPhone.core, 'chat.read', (e) => e.peer === peerUser.jid);
  await me.core.commands['chat.markDisplayed']({ account: me.account, peer: peerUser.jid, id: reply.id });
  await readElsewhere;
  await Promise.all([me.close(), myPhone.close(), peer.close()]);
});

test("corrections and retractions change the message on both sides; a stranger cannot change anybody's message", async () => {
  const [meUser, peerUser, malloryUser] = [
    await newUser(server, 'editor'),
    await newUser(server, 'viewer'),
    await newUser(server, 'mallory'),
  ];
  await makeContacts(server, meUser, peerUser, { name: 'Viewer' }, { name: 'Editor' });
  const me = await startEngine(server, meUser);
  const peer = await startEngine(server, peerUser);
  // The peer's new device is announced a moment after it is online (makeContacts' throwaway devices are listed already).
  await peer.core.runtime(peer.account).modules.omemo.ready;
  const peerDevice = peer.core.runtime(peer.account).modules.omemo.ownDevice()?.id ?? 0;
  await knowsDevices(me, peerUser.jid, [peerDevice]);
  const first = await me.core.commands['chat.send']({ account: me.account, to: peerUser.jid, body: 'helo' });
  await eventually(() => peer.core.store.messages.count(peer.account) === 1, 'the first message');
  const edited = await me.core.commands['chat.correct']({ account: me.account, id: first.id, body: 'hello' });
  assert.equal(edited.edited, true);
  await eventually(
    async () =>
      (await peer.core.commands['chat.history']({ account: peer.account, peer: meUser.jid }))[0]?.body === 'hello',
    'the correction on the other side',
  );
  const [seen] = await peer.core.commands['chat.history']({ account: peer.account, peer: meUser.jid });
  assert.equal(seen?.edited, true);
  assert.equal(peer.core.store.messages.count(peer.account), 1, 'a correction is not a new message');

  const second = await me.core.commands['chat.send']({
    account: me.account,
    to: peerUser.jid,
    body: 'oops, wrong chat',
  });
  await assert.rejects(
    me.core.commands['chat.correct']({ account: me.account, id: first.id, body: 'late' }),
    /last message/,
  );
  await eventually(() => peer.core.store.messages.count(peer.account) === 2, 'the second message');
  await me.core.commands['chat.retract']({ account: me.account, id: second.id });
  await eventually(
    () =>
      peer.core.store.messages.byOriginId(peer.account, meUser.jid, second.originId ?? '', 'in')?.retracted === true,
    'the retraction',
  );
  assert.equal(peer.core.store.messages.count(peer.account), 2, 'the retraction itself is not shown as a message');
  const [peerMessage] = await peer.core.commands['chat.history']({ account: peer.account, peer: meUser.jid });
  assert.ok(peerMessage);
  await assert.rejects(peer.core.commands['chat.retract']({ account: peer.account, id: peerMessage.id }), /your own/);

  // Mallory points a correction and a retraction at the editor's message.
  const mallory = await rawClient(server, malloryUser);
  await mallory.send(
    xml(
      'message',
      { to: peerUser.jid, type: 'chat', id: 'm1' },
      xml('body', {}, 'I never said that'),
      xml('replace', { xmlns: 'urn:xmpp:message-correct:0', id: first.originId ?? '' }),
    ),
  );
  await mallory.send(
    xml(
      'message',
      { to: peerUser.jid, type: 'chat', id: 'm2' },
      xml('retract', { xmlns: 'urn:xmpp:message-retract:1', id: first.originId ?? '' }),
    ),
  );
  await sleep(600);
  const afterSpoof = peer.core.store.messages.byOriginId(peer.account, meUser.jid, first.originId ?? '', 'in');
  assert.equal(afterSpoof?.body, 'hello');
  assert.equal(afterSpoof?.retracted, undefined);
  await Promise.all([me.close(), peer.close(), mallory.stop()]);
});

test('blocking: the blocked account cannot reach us, the list follows the server, unblocking restores it', async () => {
  const [meUser, pestUser] = [await newUser(server, 'quiet'), await newUser(server, 'pest')];
  const me = await startEngine(server, meUser);
  const pest = await startEngine(server, pestUser);
  const listed = waitForEvent(me.core, 'blocklist.changed', (e) => e.jids.includes(pestUser.jid));
  await me.core.commands['blocklist.block']({ account: me.account, jid: pestUser.jid });
  await listed;
  assert.deepEqual(await me.core.commands['blocklist.list']({ account: me.account }), [pestUser.jid]);
  await pest.core.commands['chat.send']({ account: pest.account, to: meUser.jid, body: 'let me in' });
  await sleep(600);
  assert.equal(me.core.store.messages.count(me.account), 0, 'nothing from a blocked account');

  // A second device of ours sees the same list from the server's push.
  const other = await startEngine(server, meUser, { resource: 'other' });
  assert.deepEqual(await other.core.commands['blocklist.list']({ account: other.account }), [pestUser.jid]);
  const pushed = waitForEvent(other.core, 'blocklist.changed', (e) => e.jids.length === 0);
  await me.core.commands['blocklist.unblock']({ account: me.account, jid: pestUser.jid });
  await pushed;
  await pest.core.commands['chat.send']({ account: pest.account, to: meUser.jid, body: 'hello again' });
  await eventually(() => me.core.store.messages.count(me.account) === 1, 'the message after unblocking');
  await Promise.all([me.close(), pest.close(), other.close()]);
});

test('client state: while inactive the server holds presence back; roster versioning: a second login transfers nothing unchanged', async () => {
  const [meUser, peerUser] = [await newUser(server, 'idle'), await newUser(server, 'busy')];
  await makeContacts(server, meUser, peerUser, { name: 'Busy' }, { name: 'Idle' });
  const me = await startEngine(server, meUser);
  const peer = await startEngine(server, peerUser);
  await eventually(
    async () => (await me.core.commands['presence.list']({ account: me.account })).some((p) => p.jid === peerUser.jid),
    'the peer online',
  );
  await me.core.commands['client.setActive']({ active: false });
  // A round trip after <inactive/>: the server reads its input in order, so it is inactive from here on.
  await me.core.commands['console.open']({ account: me.account });
  const pong = waitForEvent(me.core, 'console.entry', (e) => e.entry.dir === 'in' && e.entry.xml.includes('csi-sync'));
  await me.core.commands['console.send']({
    account: me.account,
    xml: "<iq type='get' id='csi-sync' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>",
  });
  await pong;
  await me.core.commands['console.close']({ account: me.account });
  let status = '';
  let seen = false;
  me.core.events.on('presence.changed', (e) => {
    if (status && e.presence.resources.some((r) => r.status === status)) seen = true;
  });
  // Prosody lets everything through for a grace period (5 s) after anything important went out
  // (an iq result, a stream-management request), so a hold shows within a few presence changes.
  let held = false;
  const deadline = Date.now() + 30_000;
  for (let attempt = 0; Date.now() < deadline && !held; attempt++) {
    seen = false;
    status = `lunch ${attempt}`;
    await peer.core.commands['presence.set']({ account: peer.account, show: 'away', status });
    await sleep(800);
    held = !seen;
  }
  assert.ok(held, 'held back while inactive');
  await me.core.commands['client.setActive']({ active: true });
  await eventually(() => seen, 'delivered once active again');

  assert.equal(
    me.core.runtime(me.account).modules.roster.lastFetch.incremental,
    false,
    'the first login fetched the whole roster',
  );
  await me.core.commands['account.disconnect']({ account: me.account });
  await me.core.commands['account.connect']({ account: me.account });
  assert.deepEqual(
    me.core.runtime(me.account).modules.roster.lastFetch,
    { items: 0, incremental: true },
    'the second login got no items: the version matched',
  );
  assert.deepEqual(
    (await me.core.commands['roster.list']({ account: me.account })).map((i) => i.jid),
    [peerUser.jid],
  );
  await Promise.all([me.close(), peer.close()]);
});

test("displayed sync (XEP-0490): reading a stranger's message on one device clears it on the other, though no marker is sent to them", async () => {
  const [meUser, strangerUser] = [await newUser(server, 'mds'), await newUser(server, 'unknown')];
  const desk = await startEngine(server, meUser, { resource: 'desk' });
  const phone = await startEngine(server, meUser, { resource: 'phone' });
  const stranger = await startEngine(server, strangerUser);
  let markersToStranger = 0;
  stranger.core.events.on('message.updated', (e) => {
    if (e.state === 'read') markersToStranger++;
  });
  const sent = await stranger.core.commands['chat.send']({
    account: stranger.account,
    to: meUser.jid,
    body: 'who is this?',
  });
  await eventually(
    () => desk.core.store.messages.count(desk.account) === 1 && phone.core.store.messages.count(phone.account) === 1,
    'both devices to have it',
  );
  const [onDesk] = await desk.core.commands['chat.history']({ account: desk.account, peer: strangerUser.jid });
  assert.ok(onDesk?.stanzaId);
  const read = waitForEvent(phone.core, 'chat.read', (e) => e.peer === strangerUser.jid);
  await desk.core.commands['chat.markDisplayed']({ account: desk.account, peer: strangerUser.jid, id: onDesk.id });
  await read;
  await sleep(300);
  assert.equal(markersToStranger, 0, 'a stranger learns nothing about our reading');
  assert.notEqual(stranger.core.store.messages.get(sent.id)?.state, 'read');
  await Promise.all([desk.close(), phone.close(), stranger.close()]);
});
