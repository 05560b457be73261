import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Element } from '@xmpp/xml';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, rawClient } from '../helpers/accounts.ts';
import { omemoDevice, privateRoom } from '../helpers/omemo.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('OMEMO in a members-only, non-anonymous room: three members decrypt each other, the room sees no plain text', async () => {
  const [aliceUser, bobUser, carolUser] = [
    await newUser(server, 'alice'),
    await newUser(server, 'bob'),
    await newUser(server, 'carol'),
  ];
  const [alice, bob, carol] = [
    await omemoDevice(server, aliceUser, 'a'),
    await omemoDevice(server, bobUser, 'b'),
    await omemoDevice(server, carolUser, 'c'),
  ];
  const room = await privateRoom(alice, 'Alice', [
    { engine: bob, nick: 'Bob' },
    { engine: carol, nick: 'Carol' },
  ]);

  // A fourth account in the room, reading the raw stanzas.
  const spyUser = await newUser(server, 'spy');
  await alice.core.commands['muc.setAffiliation']({
    account: alice.account,
    room,
    jid: spyUser.jid,
    affiliation: 'member',
  });
  const spy = await rawClient(server, spyUser);
  const wire: Element[] = [];
  spy.on('stanza', (s: Element) => {
    if (s.is('message') && s.attrs.type === 'groupchat') wire.push(s);
  });
  const xml = (await import('@xmpp/xml')).default;
  await spy.send(
    xml(
      'presence',
      { to: `${room}/Spy` },
      xml('x', { xmlns: 'http://jabber.org/protocol/muc' }, xml('history', { maxstanzas: '0' })),
    ),
  );
  await eventually(
    async () => (await alice.core.commands['muc.occupants']({ account: alice.account, room })).length === 4,
    'everyone to be in the room',
  );
  // The spy has no OMEMO devices: the room cannot be encrypted for it until it leaves.
  await assert.rejects(
    alice.core.commands['muc.send']({ account: alice.account, room, body: 'not while a member has no keys' }),
    /has no OMEMO devices/,
  );
  await spy.send(xml('presence', { to: `${room}/Spy`, type: 'unavailable' }));
  await alice.core.commands['muc.setAffiliation']({
    account: alice.account,
    room,
    jid: spyUser.jid,
    affiliation: 'none',
  });

  const state = await alice.core.commands['omemo.chatState']({ account: alice.account, peer: room, refresh: true });
  assert.equal(state.enabled, true, 'on by default in a private room');
  assert.equal(state.usable, true, state.reason);
  assert.deepEqual(
    new Set(state.devices.map((d) => d.id)),
    new Set([bob.deviceId, carol.deviceId]),
    "the members' devices",
  );

  // The member lists were read for the state above; sending asks the room for them no more.
  await alice.core.commands['console.open']({ account: alice.account });
  let adminQueries = 0;
  alice.core.events.on('console.entry', ({ entry }) => {
    if (entry.dir === 'out' && entry.xml.includes('muc#admin') && entry.xml.includes('type="get"')) adminQueries++;
  });
  const sent = await alice.core.commands['muc.send']({ account: alice.account, room, body: 'the plan is on' });
  assert.equal(sent.encryption?.protocol, 'omemo');
  for (const member of [bob, carol]) {
    const got = await eventually(
      () => member.inbox.find((m) => m.peer === room && m.body === 'the plan is on'),
      `${member.account} to decrypt`,
    );
    assert.equal(got?.encryption?.device, alice.deviceId);
    assert.equal(got?.from, 'Alice');
  }
  await bob.core.commands['muc.send']({ account: bob.account, room, body: 'count me in' });
  for (const member of [alice, carol])
    await eventually(
      () => member.inbox.some((m) => m.peer === room && m.body === 'count me in'),
      `${member.account} to decrypt bob`,
    );
  // A mention inside an encrypted message counts once it is decrypted.
  await carol.core.commands['muc.send']({ account: carol.account, room, body: 'Alice: can you check the plan?' });
  const mentioned = await eventually(
    () => alice.inbox.find((m) => m.peer === room && m.body === 'Alice: can you check the plan?'),
    'alice to decrypt the mention',
  );
  assert.equal(mentioned?.mention, true);
  await eventually(
    async () =>
      (await alice.core.commands['muc.rooms']({ account: alice.account })).find((r) => r.jid === room)?.mentions === 1,
    'the mention counted for the room',
  );
  await alice.core.commands['muc.send']({ account: alice.account, room, body: 'and again' });
  assert.equal(adminQueries, 0, 'the member lists are cached between messages');
  const history = await alice.core.commands['chat.history']({ account: alice.account, peer: room });
  assert.deepEqual(
    history.filter((m) => m.body).map((m) => [m.direction, m.body]),
    [
      ['out', 'the plan is on'],
      ['in', 'count me in'],
      ['in', 'Alice: can you check the plan?'],
      ['out', 'and again'],
    ],
    'our own reflected message is stored once, readable',
  );
  assert.ok(wire.every((s) => !s.toString().includes('the plan is on')));
  // A public room is not encrypted, and says why.
  const open = `open-${randomBytes(4).toString('hex')}@conference.localhost` as BareJid;
  await alice.core.commands['muc.join']({ account: alice.account, room: open, nick: 'Alice' });
  const openState = await alice.core.commands['omemo.chatState']({ account: alice.account, peer: open });
  assert.equal(openState.enabled, false);
  assert.match(openState.reason ?? '', /members-only/);
  const plain = await alice.core.commands['muc.send']({ account: alice.account, room: open, body: 'hello everyone' });
  assert.equal(plain.encryption, undefined);
  await spy.stop();
  await Promise.all([alice, bob, carol].map((e) => e.close()));
});
