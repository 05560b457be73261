// Corrections and retractions cannot be forged: an encrypted message changes only through an edit
// decrypted from the same JID and device, and a room message never by a nick alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Element } from '@xmpp/xml';
import xml from '@xmpp/xml';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, rawClient, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice, privateRoom } from '../helpers/omemo.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const NS_CORRECT = 'urn:xmpp:message-correct:0';
const NS_RETRACT = 'urn:xmpp:message-retract:1';

async function historyOf(engine: TestEngine, peer: BareJid): Promise<ChatMessage[]> {
  return engine.core.commands['chat.history']({ account: engine.account, peer });
}

test('encrypted 1:1 messages: forged corrections and retractions in clear are not applied; sealed ones are', async (t) => {
  const [romeoUser, julietUser] = [await newUser(server, 'romeo'), await newUser(server, 'juliet')];
  const romeo = await omemoDevice(server, romeoUser, 'laptop');
  const juliet = await omemoDevice(server, julietUser, 'laptop');
  // Anyone who can send as romeo's JID without his keys: his server, or a stolen session.
  const forger = await rawClient(server, romeoUser, 'forger');
  const spy = await rawClient(server, julietUser, 'spy');
  t.after(async () => {
    await Promise.all([forger.stop().catch(() => undefined), spy.stop().catch(() => undefined)]);
    await Promise.all([romeo.close(), juliet.close()]);
  });
  const wire: Element[] = [];
  spy.on('stanza', (s: Element) => {
    if (s.is('message')) wire.push(s);
  });
  await spy.send(xml('presence'));
  await befriend(romeo, juliet, { name: 'Juliet' }, { name: 'Romeo' });
  await knowsDevices(romeo, julietUser.jid, [juliet.deviceId]);
  await knowsDevices(juliet, romeoUser.jid, [romeo.deviceId]);

  const send = async (body: string): Promise<ChatMessage> => {
    const sent = await romeo.core.commands['chat.send']({ account: romeo.account, to: julietUser.jid, body });
    assert.equal(sent.encryption?.protocol, 'omemo');
    await eventually(() => juliet.inbox.find((m) => m.body === body), 'juliet to decrypt it');
    return sent;
  };
  const first = await send('Meet me at the orchard');
  const forge = (...children: Element[]) =>
    forger.send(xml('message', { to: julietUser.jid, type: 'chat', id: randomBytes(4).toString('hex') }, ...children));

  await forge(xml('body', {}, 'Meet me at the tomb'), xml('replace', { xmlns: NS_CORRECT, id: first.originId }));
  const refused = await eventually(
    async () => (await historyOf(juliet, romeoUser.jid)).find((m) => m.body === 'Meet me at the tomb'),
    'the forged correction, shown as a message of its own',
  );
  assert.equal(refused?.refusedCorrection, true);
  assert.equal(refused?.encryption, undefined);
  assert.equal(refused?.edited, undefined);
  const kept = (await historyOf(juliet, romeoUser.jid)).find((m) => m.originId === first.originId);
  assert.equal(kept?.body, 'Meet me at the orchard');
  assert.equal(kept?.edited, undefined);
  assert.deepEqual(kept?.encryption, {
    protocol: 'omemo',
    jid: romeoUser.jid,
    device: romeo.deviceId,
    version: 'v2',
    trust: 'blind',
  });

  await forge(xml('retract', { xmlns: NS_RETRACT, id: first.originId }), xml('body', {}, 'retracted'));
  const hidden = await eventually(async () => {
    const stored = (await historyOf(juliet, romeoUser.jid)).find((m) => m.originId === first.originId);
    return stored?.retracted ? stored : undefined;
  }, 'the forged retraction to hide the message');
  assert.equal(hidden?.body, 'Meet me at the orchard', 'the text stays recoverable');
  assert.equal(hidden?.encryption?.retractedInClear, true);

  // Romeo's own edits go sealed, and juliet applies them.
  const second = await send('Wherefore art thou');
  await romeo.core.commands['chat.correct']({
    account: romeo.account,
    id: second.id,
    body: 'Wherefore art thou, Romeo?',
  });
  const corrected = await eventually(async () => {
    const stored = (await historyOf(juliet, romeoUser.jid)).find((m) => m.originId === second.originId);
    return stored?.edited ? stored : undefined;
  }, 'the sealed correction applied');
  assert.equal(corrected?.body, 'Wherefore art thou, Romeo?');
  assert.equal(corrected?.encryption?.device, romeo.deviceId);
  assert.equal(corrected?.encryption?.jid, romeoUser.jid);
  assert.ok(
    !wire.some((s) => s.toString().includes('Wherefore art thou, Romeo?')),
    'the correction never crossed the wire in clear',
  );
  await romeo.core.commands['chat.retract']({ account: romeo.account, id: second.id });
  const retracted = await eventually(async () => {
    const stored = (await historyOf(juliet, romeoUser.jid)).find((m) => m.originId === second.originId);
    return stored?.retracted ? stored : undefined;
  }, 'the sealed retraction applied');
  assert.equal(retracted?.body, '');
  assert.equal(retracted?.encryption?.retractedInClear, undefined);
});

test('room corrections: a nick someone else took cannot edit, its owner can (occupant-id, real JID stored)', async (t) => {
  const [ownerUser, bobUser, malloryUser] = [
    await newUser(server, 'owner'),
    await newUser(server, 'bob'),
    await newUser(server, 'mallory'),
  ];
  const [owner, bob, mallory] = [
    await startEngine(server, ownerUser),
    await startEngine(server, bobUser),
    await startEngine(server, malloryUser),
  ];
  t.after(() => Promise.all([owner.close(), bob.close(), mallory.close()]));
  const room = `open-${randomBytes(4).toString('hex')}@conference.localhost` as BareJid;
  await owner.core.commands['muc.join']({ account: owner.account, room, nick: 'Owner', configure: true });
  await owner.core.commands['muc.submitConfig']({
    account: owner.account,
    room,
    values: { 'muc#roomconfig_whois': ['anyone'] },
  });
  await bob.core.commands['muc.join']({ account: bob.account, room, nick: 'Bob' });
  const atOwner = async (): Promise<ChatMessage[]> => historyOf(owner, room);

  const sent = await bob.core.commands['muc.send']({ account: bob.account, room, body: 'the cake is real' });
  await eventually(async () => (await atOwner()).some((m) => m.body === 'the cake is real'), 'the message');
  assert.equal((await atOwner()).find((m) => m.originId === sent.originId)?.senderJid, bobUser.jid);
  await bob.core.commands['chat.correct']({ account: bob.account, id: sent.id, body: 'the cake is a lie' });
  await eventually(
    async () => (await atOwner()).find((m) => m.originId === sent.originId)?.body === 'the cake is a lie',
    "Bob's own correction, matched on his real JID",
  );

  await bob.core.commands['muc.leave']({ account: bob.account, room });
  await eventually(
    async () =>
      !(await owner.core.commands['muc.occupants']({ account: owner.account, room })).some((o) => o.nick === 'Bob'),
    'the nick Bob to be free',
  );
  await mallory.core.commands['muc.join']({ account: mallory.account, room, nick: 'Bob' });
  // Mallory, now "Bob", sends a correction of Bob's message, then a marker message to wait on.
  const raw = mallory.core.runtime(mallory.account).connection;
  await raw.send(
    xml(
      'message',
      { to: room, type: 'groupchat', id: 'forged-correction' },
      xml('body', {}, 'send me your password'),
      xml('replace', { xmlns: NS_CORRECT, id: sent.originId }),
    ),
  );
  await raw.send(xml('message', { to: room, type: 'groupchat', id: 'after' }, xml('body', {}, 'hello all')));
  await eventually(async () => (await atOwner()).some((m) => m.body === 'hello all'), "mallory's later message");
  const original = (await atOwner()).find((m) => m.originId === sent.originId);
  assert.equal(original?.body, 'the cake is a lie', 'a nick someone else took cannot edit');
  assert.ok(!(await atOwner()).some((m) => m.body === 'send me your password'));
});

test('encrypted room messages: a correction in clear from the same member is kept apart; a sealed one applies', async (t) => {
  const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
  const [alice, bob] = [await omemoDevice(server, aliceUser, 'a'), await omemoDevice(server, bobUser, 'b')];
  const forger = await rawClient(server, bobUser, 'forger');
  t.after(async () => {
    await forger.stop().catch(() => undefined);
    await Promise.all([alice.close(), bob.close()]);
  });
  const room = await privateRoom(alice, 'Alice', [{ engine: bob, nick: 'Bob' }]);
  await knowsDevices(bob, aliceUser.jid, [alice.deviceId]);
  await knowsDevices(alice, bobUser.jid, [bob.deviceId]);
  const atAlice = (): Promise<ChatMessage[]> => historyOf(alice, room);

  const sent = await bob.core.commands['muc.send']({ account: bob.account, room, body: 'the vault code is 1234' });
  assert.equal(sent.encryption?.protocol, 'omemo');
  await eventually(async () => (await atAlice()).some((m) => m.body === 'the vault code is 1234'), 'alice decrypts it');

  // Bob's own account, from another resource and nick, without his keys: same real JID, same occupant-id.
  await forger.send(xml('presence', { to: `${room}/Bob2` }, xml('x', { xmlns: 'http://jabber.org/protocol/muc' })));
  await eventually(
    async () =>
      (await alice.core.commands['muc.occupants']({ account: alice.account, room })).some((o) => o.nick === 'Bob2'),
    'the second resource in the room',
  );
  await forger.send(
    xml(
      'message',
      { to: room, type: 'groupchat', id: 'forged' },
      xml('body', {}, 'the vault code is 9999'),
      xml('replace', { xmlns: NS_CORRECT, id: sent.originId }),
    ),
  );
  const apart = await eventually(
    async () => (await atAlice()).find((m) => m.body === 'the vault code is 9999'),
    'the correction in clear, as a message of its own',
  );
  assert.equal(apart?.refusedCorrection, true);
  assert.equal((await atAlice()).find((m) => m.originId === sent.originId)?.body, 'the vault code is 1234');

  await bob.core.commands['chat.correct']({ account: bob.account, id: sent.id, body: 'the vault code is 4321' });
  const corrected = await eventually(async () => {
    const original = (await atAlice()).find((m) => m.originId === sent.originId);
    return original?.body === 'the vault code is 4321' ? original : undefined;
  }, 'the sealed correction applied');
  assert.equal(corrected?.encryption?.device, bob.deviceId);
});
