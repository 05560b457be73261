import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChatMessage } from '../../shared/model/message.ts';
import { mkdtempSync } from 'node:fs';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import xml, { type Element } from '@xmpp/xml';
import { newUser, rawClient, startEngine } from '../helpers/accounts.ts';
import { eventually, sleep, waitForEvent } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

function collectIncoming(core: Core): ChatMessage[] {
  const seen: ChatMessage[] = [];
  core.events.on('message.added', (m) => {
    if (m.direction === 'in') seen.push(m);
  });
  return seen;
}

test('a message each way arrives exactly once and is stored on both sides', async () => {
  const [aUser, bUser] = [await newUser(server, 'romeo'), await newUser(server, 'juliet')];
  const romeo = await startEngine(server, aUser);
  const juliet = await startEngine(server, bUser);
  const julietInbox = collectIncoming(juliet.core);
  const romeoInbox = collectIncoming(romeo.core);

  const sent = await romeo.core.commands['chat.send']({
    account: romeo.account,
    to: juliet.account,
    body: 'Art thou not Romeo, and a Montague? 🌹',
  });
  assert.equal(sent.state, 'sent');
  await eventually(() => julietInbox.length === 1, 'juliet to receive');
  await juliet.core.commands['chat.send']({ account: juliet.account, to: romeo.account, body: 'Neither, fair saint.' });
  await eventually(() => romeoInbox.length === 1, 'romeo to receive');
  await sleep(300);
  assert.equal(julietInbox.length, 1);
  assert.equal(romeoInbox.length, 1);
  assert.equal(julietInbox[0]?.body, 'Art thou not Romeo, and a Montague? 🌹');
  assert.equal(julietInbox[0]?.originId, sent.originId, 'the origin-id travels with the message');
  assert.ok(julietInbox[0]?.stanzaId, 'the server stamped a stanza-id');

  const julietHistory = await juliet.core.commands['chat.history']({ account: juliet.account, peer: romeo.account });
  assert.deepEqual(
    julietHistory.map((m) => [m.direction, m.body]),
    [
      ['in', 'Art thou not Romeo, and a Montague? 🌹'],
      ['out', 'Neither, fair saint.'],
    ],
  );
  const romeoHistory = await romeo.core.commands['chat.history']({ account: romeo.account, peer: juliet.account });
  assert.deepEqual(
    romeoHistory.map((m) => [m.direction, m.state]),
    [
      ['out', 'acked'],
      ['in', 'received'],
    ],
    'the server acknowledged it (XEP-0198)',
  );
  assert.deepEqual(romeo.core.store.messages.outbox(romeo.account), [], 'an acknowledged message leaves the outbox');
  await Promise.all([romeo.close(), juliet.close()]);
});

test('a message sent while offline is queued, then delivered exactly once after reconnecting', async () => {
  const [aUser, bUser] = [await newUser(server, 'sender'), await newUser(server, 'receiver')];
  const sender = await startEngine(server, aUser, { connect: false });
  const receiver = await startEngine(server, bUser);
  const inbox = collectIncoming(receiver.core);

  const queued = await sender.core.commands['chat.send']({
    account: sender.account,
    to: receiver.account,
    body: 'written on the train',
  });
  assert.equal(queued.state, 'queued');
  const updated = waitForEvent(sender.core, 'message.updated', (e) => e.id === queued.id && e.state === 'sent');
  await sender.core.commands['account.connect']({ account: sender.account });
  await updated;
  await eventually(() => inbox.length === 1, 'the queued message to arrive');
  await sender.core.commands['account.disconnect']({ account: sender.account });
  await sender.core.commands['account.connect']({ account: sender.account });
  await sleep(400);
  assert.equal(inbox.length, 1, 'sent once, not again on the next login');
  assert.equal(inbox[0]?.body, 'written on the train');
  assert.equal(sender.core.store.messages.outbox(sender.account).length, 0);
  await Promise.all([sender.close(), receiver.close()]);
});

test('the outbox survives an engine restart (it lives in SQLite)', async () => {
  const dir = mkdtempSync(`${server.base}/db-`);
  const [aUser, bUser] = [await newUser(server, 'restart'), await newUser(server, 'peer')];
  const first = await startEngine(server, aUser, { connect: false, databasePath: `${dir}/a.sqlite` });
  await first.core.commands['chat.send']({ account: first.account, to: bUser.jid, body: 'survives a restart' });
  await first.close();

  const receiver = await startEngine(server, bUser);
  const inbox = collectIncoming(receiver.core);
  const secrets = createMemorySecretStore();
  await secrets.set(`password:${aUser.jid}`, aUser.password);
  await secrets.set(`certificate-pin:${aUser.jid}`, server.fingerprint);
  const second = new Core({ databasePath: `${dir}/a.sqlite`, secrets });
  await second.commands['account.connect']({ account: aUser.jid });
  await eventually(() => inbox.length === 1, 'the message from the previous run');
  assert.equal(inbox[0]?.body, 'survives a restart');
  await Promise.all([second.close(), receiver.close()]);
});

test('a reply to a message from a full JID goes to that resource only (resource locking)', async () => {
  const [aUser, bUser] = [await newUser(server, 'lock'), await newUser(server, 'key')];
  const a = await startEngine(server, aUser);
  // Resource one is a bare client without carbons: it sees only what is addressed to it (or to the bare JID).
  const b1 = await rawClient(server, bUser, 'one');
  await b1.send(xml('presence', {}, xml('priority', {}, '5')));
  const inbox1: string[] = [];
  b1.on('stanza', (s: Element) => {
    const body = s.is('message') ? s.getChildText('body') : null;
    if (body) inbox1.push(body);
  });
  const b2 = await startEngine(server, bUser, { resource: 'two' });
  const inbox2 = collectIncoming(b2.core);
  await b2.core.commands['chat.send']({ account: b2.account, to: a.account, body: 'from two' });
  await eventually(() => a.core.store.messages.count(a.account) === 1, 'a to receive');
  await a.core.commands['chat.send']({ account: a.account, to: b2.account, body: 'reply to two' });
  await eventually(() => inbox2.length === 1, 'the reply to reach resource two');
  await sleep(300);
  assert.equal(inbox1.length, 0, 'the locked reply did not go to resource one');
  assert.equal(a.core.store.messages.count(a.account), 2);
  await Promise.all([a.close(), b1.stop(), b2.close()]);
});

test('a message the server bounces (no such user) is marked failed', async () => {
  const user = await newUser(server, 'bounce');
  const engine = await startEngine(server, user);
  const nobody = `nobody-${Date.now().toString(36)}@localhost` as never;
  const sent = await engine.core.commands['chat.send']({ account: engine.account, to: nobody, body: 'hello?' });
  await eventually(
    () => engine.core.store.messages.get(sent.id)?.state === 'failed',
    'the bounce to mark the message failed',
  );
  await engine.close();
});
