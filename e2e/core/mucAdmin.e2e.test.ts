// Group chat administration (XEP-0045 §8-10, XEP-0425): moderation, room configuration, and who may
// change a message. The room basics are in muc.e2e.test.ts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import xml from '@xmpp/xml';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, rawClient, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { eventually, sleep, waitForEvent } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const newRoom = (): BareJid => `room-${randomBytes(4).toString('hex')}@conference.localhost` as BareJid;
const bodies = async (engine: TestEngine, room: BareJid): Promise<string[]> =>
  (await engine.core.commands['chat.history']({ account: engine.account, peer: room, limit: 200 })).map(
    (m) => `${m.from}: ${m.body}`,
  );

test('moderation: kick, voice, ban and the ban list take effect for everyone; a participant may not; invitations arrive; destroying ends the room', async () => {
  const [ownerUser, bUser, cUser] = [
    await newUser(server, 'owner'),
    await newUser(server, 'bob'),
    await newUser(server, 'carl'),
  ];
  const [owner, b, c] = [
    await startEngine(server, ownerUser),
    await startEngine(server, bUser),
    await startEngine(server, cUser),
  ];
  const room = newRoom();
  await owner.core.commands['muc.join']({ account: owner.account, room, nick: 'Owner' });
  await b.core.commands['muc.join']({ account: b.account, room, nick: 'Bob' });
  await c.core.commands['muc.join']({ account: c.account, room, nick: 'Carl' });

  await assert.rejects(
    c.core.commands['muc.setRole']({ account: c.account, room, nick: 'Owner', role: 'none' }),
    /not allowed|does not allow/,
  );
  const kicked = waitForEvent(b.core, 'muc.roomChanged', (e) => e.room.jid === room && e.room.state.status === 'left');
  await owner.core.commands['muc.setRole']({
    account: owner.account,
    room,
    nick: 'Bob',
    role: 'none',
    reason: 'take a break',
  });
  const state = (await kicked).room.state;
  assert.equal(state.status === 'left' && state.reason, 'kicked: take a break');
  await eventually(
    () =>
      !c.core
        .runtime(c.account)
        .modules.muc.occupants(room)
        .some((o) => o.nick === 'Bob'),
    'Carl to see Bob gone',
  );
  const throughTheRoom = waitForEvent(
    b.core,
    'muc.invited',
    (e) => e.invitation.room === room && e.invitation.from === `${room}/Owner`,
  );
  await owner.core.commands['muc.invite']({
    account: owner.account,
    room,
    jid: bUser.jid,
    reason: 'mediated',
    mediated: true,
  });
  assert.equal((await throughTheRoom).invitation.reason, 'mediated');

  await owner.core.commands['muc.setRole']({ account: owner.account, room, nick: 'Carl', role: 'visitor' });
  await eventually(() => c.core.runtime(c.account).modules.muc.rooms()[0]?.role === 'visitor', 'Carl muted');
  await owner.core.commands['muc.setRole']({ account: owner.account, room, nick: 'Carl', role: 'participant' });
  await eventually(() => c.core.runtime(c.account).modules.muc.rooms()[0]?.role === 'participant', 'Carl voiced again');

  await owner.core.commands['muc.setAffiliation']({
    account: owner.account,
    room,
    jid: bUser.jid,
    affiliation: 'outcast',
    reason: 'spam',
  });
  assert.deepEqual(
    (await owner.core.commands['muc.affiliations']({ account: owner.account, room, affiliation: 'outcast' })).map(
      (i) => i.jid,
    ),
    [bUser.jid],
  );
  await assert.rejects(b.core.commands['muc.join']({ account: b.account, room, nick: 'Bob' }), /banned/);

  const invited = waitForEvent(b.core, 'muc.invited', (e) => e.invitation.room === room);
  await owner.core.commands['muc.invite']({
    account: owner.account,
    room,
    jid: bUser.jid,
    reason: 'come back, all is forgiven',
  });
  assert.equal((await invited).invitation.reason, 'come back, all is forgiven');

  const ended = waitForEvent(c.core, 'muc.roomChanged', (e) => e.room.jid === room && e.room.state.status === 'left');
  await owner.core.commands['muc.destroy']({ account: owner.account, room, reason: 'done' });
  await ended;
  await Promise.all([owner.close(), b.close(), c.close()]);
});

test('in a room only the sender can correct or retract a message: the room vouches with occupant-id, a reused nick cannot', async () => {
  const [aUser, bUser, cUser] = [
    await newUser(server, 'writer'),
    await newUser(server, 'reader'),
    await newUser(server, 'imposter'),
  ];
  const [a, b, c] = [
    await startEngine(server, aUser),
    await startEngine(server, bUser),
    await startEngine(server, cUser),
  ];
  const room = newRoom();
  await a.core.commands['muc.join']({ account: a.account, room, nick: 'Writer' });
  await b.core.commands['muc.join']({ account: b.account, room, nick: 'Reader' });
  const sent = await a.core.commands['muc.send']({ account: a.account, room, body: 'teh plan' });
  await eventually(async () => (await bodies(b, room)).includes('Writer: teh plan'), 'the message');
  await a.core.commands['chat.correct']({ account: a.account, id: sent.id, body: 'the plan' });
  await eventually(async () => (await bodies(b, room)).includes('Writer: the plan'), 'the correction');

  // The writer leaves; an imposter takes the nick and tries to retract the message.
  await a.core.commands['muc.leave']({ account: a.account, room });
  await eventually(
    () =>
      !b.core
        .runtime(b.account)
        .modules.muc.occupants(room)
        .some((o) => o.nick === 'Writer'),
    'the writer to be gone',
  );
  await c.core.commands['muc.join']({ account: c.account, room, nick: 'Writer' });
  const raw = await rawClient(server, cUser, 'raw');
  await raw.send(xml('presence', { to: `${room}/Writer` }, xml('x', { xmlns: 'http://jabber.org/protocol/muc' })));
  await sleep(300);
  await raw.send(
    xml(
      'message',
      { to: room, type: 'groupchat', id: 'evil' },
      xml('retract', { xmlns: 'urn:xmpp:message-retract:1', id: sent.originId ?? '' }),
      xml('body', {}, 'retracted'),
    ),
  );
  await sleep(500);
  const [original] = (await b.core.commands['chat.history']({ account: b.account, peer: room })).filter(
    (m) => m.originId === sent.originId,
  );
  assert.equal(original?.retracted, undefined, "a reused nick cannot retract another person's message");
  assert.equal(original?.body, 'the plan');
  await Promise.all([a.close(), b.close(), c.close(), raw.stop()]);
});

test("room configuration through the room's own form: a new name and a password take effect; others may not configure", async () => {
  const [ownerUser, guestUser] = [await newUser(server, 'configurer'), await newUser(server, 'guest')];
  const [owner, guest] = [await startEngine(server, ownerUser), await startEngine(server, guestUser)];
  const room = newRoom();
  await owner.core.commands['muc.join']({ account: owner.account, room, nick: 'Owner' });
  const form = await owner.core.commands['muc.getConfig']({ account: owner.account, room });
  const types = new Set(form.fields.map((f) => f.type));
  for (const type of ['boolean', 'list-single', 'text-single'])
    assert.ok(types.has(type as never), `the form has ${type} fields`);
  await owner.core.commands['muc.submitConfig']({
    account: owner.account,
    room,
    values: {
      'muc#roomconfig_roomname': ['Secret club'],
      'muc#roomconfig_passwordprotectedroom': ['1'],
      'muc#roomconfig_roomsecret': ['hunter2'],
    },
  });
  const info = (await guest.core.commands['muc.discover']({ account: guest.account })).rooms.find(
    (r) => r.jid === room,
  );
  assert.equal(info?.name, 'Secret club');
  assert.equal(info?.passwordProtected, true);
  await assert.rejects(guest.core.commands['muc.join']({ account: guest.account, room, nick: 'Guest' }), /password/);
  await guest.core.commands['muc.join']({ account: guest.account, room, nick: 'Guest', password: 'hunter2' });
  assert.equal(
    (await guest.core.commands['muc.rooms']({ account: guest.account }))[0]?.name,
    'Secret club',
    'the room list shows its name',
  );
  await assert.rejects(guest.core.commands['muc.getConfig']({ account: guest.account, room }), /not allowed/);
  await Promise.all([owner.close(), guest.close()]);
});

test("a moderator retracts someone else's message for everyone (XEP-0425); a participant may not", async () => {
  const [modUser, bUser, cUser] = [
    await newUser(server, 'moderator'),
    await newUser(server, 'spammer'),
    await newUser(server, 'bystander'),
  ];
  const [mod, b, c] = [
    await startEngine(server, modUser),
    await startEngine(server, bUser),
    await startEngine(server, cUser),
  ];
  const room = newRoom();
  await mod.core.commands['muc.join']({ account: mod.account, room, nick: 'Mod' });
  await b.core.commands['muc.join']({ account: b.account, room, nick: 'Spammer' });
  await c.core.commands['muc.join']({ account: c.account, room, nick: 'Bystander' });
  await b.core.commands['muc.send']({ account: b.account, room, body: 'buy cheap watches' });
  await eventually(
    async () => (await c.core.commands['chat.history']({ account: c.account, peer: room })).length === 1,
    'the spam to arrive',
  );
  const [spam] = await mod.core.commands['chat.history']({ account: mod.account, peer: room });
  assert.ok(spam?.stanzaId);
  await assert.rejects(
    c.core.commands['muc.moderate']({ account: c.account, room, stanzaId: spam.stanzaId }),
    /moderator/,
  );
  await mod.core.commands['muc.moderate']({ account: mod.account, room, stanzaId: spam.stanzaId, reason: 'spam' });
  for (const engine of [c, b]) {
    await eventually(
      async () =>
        (await engine.core.commands['chat.history']({ account: engine.account, peer: room }))[0]?.retracted === true,
      'the retraction everywhere',
    );
  }
  await Promise.all([mod.close(), b.close(), c.close()]);
});

test('a configured creation: the new room stays locked until its form is submitted, then others can enter', async () => {
  const [ownerUser, guestUser] = [await newUser(server, 'planner'), await newUser(server, 'early')];
  const [owner, guest] = [await startEngine(server, ownerUser), await startEngine(server, guestUser)];
  const room = newRoom();
  const created = await owner.core.commands['muc.join']({
    account: owner.account,
    room,
    nick: 'Planner',
    configure: true,
  });
  assert.equal(created.created, true, 'the room waits for its configuration');
  await assert.rejects(
    guest.core.commands['muc.join']({ account: guest.account, room, nick: 'Early' }),
    /does not exist|refused/,
  );
  await owner.core.commands['muc.submitConfig']({
    account: owner.account,
    room,
    values: { 'muc#roomconfig_roomname': ['Planned'] },
  });
  const joined = await guest.core.commands['muc.join']({ account: guest.account, room, nick: 'Early' });
  assert.equal(joined.state.status, 'joined');
  assert.equal(joined.name, 'Planned');
  await Promise.all([owner.close(), guest.close()]);
});

test('presets: a private group is members-only with real addresses, a public channel is listed; a renamed room shows its new name to everyone', async () => {
  const [ownerUser, guestUser] = [await newUser(server, 'founder'), await newUser(server, 'passer')];
  const [owner, guest] = [await startEngine(server, ownerUser), await startEngine(server, guestUser)];
  const group = newRoom();
  const created = await owner.core.commands['muc.create']({
    account: owner.account,
    room: group,
    nick: 'Founder',
    name: 'Family',
    preset: 'private',
  });
  assert.equal(created.name, 'Family', 'the creator sees the title at once');
  await assert.rejects(
    guest.core.commands['muc.join']({ account: guest.account, room: group, nick: 'Passer' }),
    /registration-required|members/u,
    'a stranger cannot enter a private group',
  );
  await assert.rejects(
    owner.core.commands['muc.create']({
      account: owner.account,
      room: group,
      nick: 'Again',
      name: 'x',
      preset: 'public',
    }),
    /exists already/u,
  );
  await owner.core.commands['muc.setAffiliation']({
    account: owner.account,
    room: group,
    jid: guestUser.jid,
    affiliation: 'member',
  });
  await guest.core.commands['muc.join']({ account: guest.account, room: group, nick: 'Passer' });
  const occupants = await guest.core.commands['muc.occupants']({ account: guest.account, room: group });
  assert.equal(occupants.find((o) => o.nick === 'Founder')?.jid, ownerUser.jid, 'members see real addresses');

  const renamed = waitForEvent(
    guest.core,
    'muc.roomChanged',
    (e) => e.room.jid === group && e.room.name === 'Family 2',
  );
  await owner.core.commands['muc.submitConfig']({
    account: owner.account,
    room: group,
    values: { 'muc#roomconfig_roomname': ['Family 2'] },
  });
  await renamed;

  const channel = newRoom();
  await owner.core.commands['muc.create']({
    account: owner.account,
    room: channel,
    nick: 'Founder',
    name: 'Open talk',
    preset: 'public',
  });
  const listed = (await guest.core.commands['muc.discover']({ account: guest.account })).rooms;
  assert.equal(listed.find((r) => r.jid === channel)?.name, 'Open talk', 'a public channel is listed');
  assert.equal(
    listed.some((r) => r.jid === group),
    false,
    'a private group is not',
  );
  const entered = await guest.core.commands['muc.join']({ account: guest.account, room: channel, nick: 'Passer' });
  assert.equal(entered.state.status, 'joined');
  const seen = await guest.core.commands['muc.occupants']({ account: guest.account, room: channel });
  assert.equal(seen.find((o) => o.nick === 'Founder')?.jid, undefined, 'a channel hides addresses from participants');
  await Promise.all([owner.close(), guest.close()]);
});
