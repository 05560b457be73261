import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { dispatchCommand } from '../../electron/core/index.ts';
import { setLogSink } from '../../electron/core/log.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, rawClient, startEngine } from '../helpers/accounts.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
  setLogSink(undefined);
});

test('a roster push from a stranger is refused, logged and changes nothing', async () => {
  const [victimUser, malloryUser] = [await newUser(server, 'victim'), await newUser(server, 'mallory')];
  const victim = await startEngine(server, victimUser, { resource: 'home' });
  const warnings: string[] = [];
  setLogSink((level, _scope, message) => {
    if (level === 'warn') warnings.push(message);
  });
  const mallory = await rawClient(server, malloryUser);
  const answer = await mallory.sendReceive(
    xml(
      'iq',
      { type: 'set', id: 'spoof1', to: `${victim.account}/home` },
      xml(
        'query',
        { xmlns: 'jabber:iq:roster' },
        xml('item', { jid: malloryUser.jid, name: 'Your bank', subscription: 'both' }),
      ),
    ),
  );
  assert.equal(answer.attrs.type, 'error');
  assert.deepEqual(await victim.core.commands['roster.list']({ account: victim.account }), []);
  assert.ok(
    warnings.some((w) => w.includes('roster push')),
    'the spoof was logged',
  );
  setLogSink(undefined);
  await mallory.stop();
  await victim.close();
});

test('malformed and hostile stanzas are dropped without harm, and a 1 MB body arrives intact once', async (t) => {
  const [victimUser, malloryUser] = [await newUser(server, 'target'), await newUser(server, 'attacker')];
  const victim = await startEngine(server, victimUser, { resource: 'home' });
  const mallory = await rawClient(server, malloryUser);
  t.after(async () => {
    await mallory.stop().catch(() => undefined);
    await victim.close();
  });
  const to = `${victim.account}/home`;
  const junk = [
    xml('message', { to, type: 'chat' }, xml('body', {})),
    xml('message', { to, type: 'chat' }, xml('active', { xmlns: 'http://jabber.org/protocol/chatstates' })),
    xml('message', { to, type: 'groupchat' }, xml('body', {}, 'not a room')),
    xml(
      'message',
      { to, type: 'chat' },
      xml('body', {}, 'forged ids'),
      xml('stanza-id', { xmlns: 'urn:xmpp:sid:0', by: victim.account, id: 'forged' }),
      xml('delay', { xmlns: 'urn:xmpp:delay', stamp: 'yesterday-ish' }),
    ),
    xml('message', { to, type: 'error', id: 'nonexistent' }),
    xml('presence', { to }, xml('show', {}, 'bogus'), xml('priority', {}, 'NaN'), xml('status', {}, 'x'.repeat(5000))),
    xml('presence', { to, type: 'probe-ish' }),
    xml('iq', { to, type: 'get', id: 'q1' }, xml('query', { xmlns: 'urn:example:unknown' })),
  ];
  for (const stanza of junk) await mallory.send(stanza);
  const big = `${'<img src=x onerror=alert(1)>'.repeat(10)}${'\u202E'}${'A'.repeat(1_000_000)}`;
  await mallory.send(xml('message', { to, type: 'chat' }, xml('body', {}, big)));
  await mallory.send(xml('message', { to, type: 'chat' }, xml('body', {}, 'still alive?')));

  await eventually(() => victim.core.store.messages.count(victim.account) === 3, 'the three real messages', 15_000);
  await sleep(300);
  const history = await victim.core.commands['chat.history']({ account: victim.account, peer: malloryUser.jid });
  assert.deepEqual(
    history.map((m) => m.body.length),
    ['forged ids'.length, big.length, 'still alive?'.length],
  );
  assert.equal(history[1]?.body, big);
  assert.notEqual(history[0]?.stanzaId, 'forged');
  const presence = (await victim.core.commands['presence.list']({ account: victim.account })).find(
    (p) => p.jid === malloryUser.jid,
  );
  assert.deepEqual(
    presence?.resources.map((r) => [r.show, r.priority, r.status.length]),
    [['online', 0, 1024]],
  );
  assert.equal(victim.core.runtime(victim.account).state.status, 'online');
});

test('the engine can send a 1 MB message, and invalid JIDs are refused by the contract', async () => {
  const [aUser, bUser] = [await newUser(server, 'big'), await newUser(server, 'sink')];
  const a = await startEngine(server, aUser);
  const b = await startEngine(server, bUser);
  const body = 'ß'.repeat(1_000_000);
  await a.core.commands['chat.send']({ account: a.account, to: b.account, body });
  await eventually(() => b.core.store.messages.count(b.account) === 1, 'the big message', 15_000);
  assert.equal((await b.core.commands['chat.history']({ account: b.account, peer: a.account }))[0]?.body, body);

  for (const jid of ['', 'no spaces@x', 'a@b/c', '@x', 'a@', 'x'.repeat(2000) + '@y', 'a@b\u0000']) {
    const result = await dispatchCommand(a.core.commands, 'chat.send', { account: a.account, to: jid, body: 'hi' });
    assert.equal(result.ok === false && result.error.code, 'invalid-argument', JSON.stringify(jid));
  }
  const added = await dispatchCommand(a.core.commands, 'account.add', { jid: 'not a jid', password: 'x' });
  assert.equal(added.ok === false && added.error.code, 'failed');
  assert.match(added.ok === false ? added.error.message : '', /not a Jabber ID/);
  await Promise.all([a.close(), b.close()]);
});

test('a <body/> in another namespace is not message text through the server; of several bodies the default language wins', async (t) => {
  const [victimUser, malloryUser] = [await newUser(server, 'reader'), await newUser(server, 'spoofer')];
  const victim = await startEngine(server, victimUser, { resource: 'home' });
  const mallory = await rawClient(server, malloryUser);
  t.after(async () => {
    await mallory.stop().catch(() => undefined);
    await victim.close();
  });
  const to = `${victim.account}/home`;
  await mallory.send(xml('message', { to, type: 'chat' }, xml('body', { xmlns: 'urn:x-other' }, 'injected only')));
  await mallory.send(
    xml(
      'message',
      { to, type: 'chat' },
      xml('body', { xmlns: 'urn:x-other' }, 'injected'),
      xml('body', { 'xml:lang': 'de' }, 'Hallo'),
      xml('body', {}, 'hello'),
    ),
  );
  await eventually(() => victim.core.store.messages.count(victim.account) === 1, 'the real message');
  await mallory.send(xml('message', { to, type: 'chat' }, xml('body', {}, 'last')));
  await eventually(() => victim.core.store.messages.count(victim.account) === 2, 'the last message');
  const history = await victim.core.commands['chat.history']({ account: victim.account, peer: malloryUser.jid });
  assert.deepEqual(
    history.map((m) => m.body),
    ['hello', 'last'],
  );
});
