import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element } from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, rawClient } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice } from '../helpers/omemo.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => { server = await startProsody(); });
after(async () => { await server.stop(); });

test('two accounts with two devices each: every device decrypts both directions, the wire carries no plain text', async () => {
  const [romeoUser, julietUser] = [await newUser(server, 'romeo'), await newUser(server, 'juliet')];
  const romeoLaptop = await omemoDevice(server, romeoUser, 'laptop');
  const romeoPhone = await omemoDevice(server, romeoUser, 'phone');
  const julietLaptop = await omemoDevice(server, julietUser, 'laptop');
  const julietPhone = await omemoDevice(server, julietUser, 'phone');
  await befriend(romeoLaptop, julietLaptop, { name: 'Juliet' }, { name: 'Romeo' });
  await knowsDevices(romeoLaptop, julietUser.jid, [julietLaptop.deviceId, julietPhone.deviceId]);
  await knowsDevices(romeoLaptop, romeoUser.jid, [romeoPhone.deviceId]);
  await knowsDevices(julietPhone, romeoUser.jid, [romeoLaptop.deviceId, romeoPhone.deviceId]);
  await knowsDevices(julietPhone, julietUser.jid, [julietLaptop.deviceId]);

  const wire: Element[] = [];
  const spy = await rawClient(server, julietUser, 'spy');
  spy.on('stanza', (s: Element) => { if (s.is('message')) wire.push(s); });
  await spy.send((await import('@xmpp/xml')).default('presence'));

  const state = await romeoLaptop.core.commands['omemo.chatState']({ account: romeoLaptop.account, peer: julietUser.jid });
  assert.equal(state.enabled, true, 'on by default: the contact has OMEMO devices');
  assert.equal(state.usable, true, JSON.stringify(state));
  const secret = 'Did my heart love till now? Forswear it, sight!';
  const sent = await romeoLaptop.core.commands['chat.send']({ account: romeoLaptop.account, to: julietUser.jid, body: secret });
  assert.equal(sent.encryption?.protocol, 'omemo');
  for (const device of [julietLaptop, julietPhone]) {
    await eventually(() => device.inbox.some((m) => m.body === secret), 'each of juliet\'s devices to decrypt');
  }
  await eventually(() => romeoPhone.inbox.some((m) => m.body === secret && m.direction === 'out'), 'romeo\'s phone to decrypt the carbon');
  const atJuliet = julietLaptop.inbox.find((m) => m.body === secret);
  assert.deepEqual(atJuliet?.encryption, { protocol: 'omemo', device: romeoLaptop.deviceId, trust: 'blind' });

  const reply = 'My bounty is as boundless as the sea';
  await julietPhone.core.commands['chat.send']({ account: julietPhone.account, to: romeoUser.jid, body: reply });
  for (const device of [romeoLaptop, romeoPhone]) await eventually(() => device.inbox.some((m) => m.body === reply), 'romeo\'s devices to decrypt the reply');
  await eventually(() => julietLaptop.inbox.some((m) => m.body === reply && m.direction === 'out'), 'juliet\'s laptop to decrypt her own reply');

  await eventually(() => wire.length >= 1, 'the spy to see the stanza');
  for (const stanza of wire) {
    assert.ok(!stanza.toString().includes(secret) && !stanza.toString().includes(reply), 'no plain text on the wire');
  }
  assert.ok(wire.some((s) => s.getChild('encrypted', 'eu.siacs.conversations.axolotl')));

  // Archive catch-up brings the same messages again: each is decrypted and stored once.
  for (const device of [romeoLaptop, romeoPhone, julietLaptop, julietPhone]) {
    await device.core.commands['archive.catchUp']({ account: device.account });
    const peer = device.account === romeoUser.jid ? julietUser.jid : romeoUser.jid;
    const history = await device.core.commands['chat.history']({ account: device.account, peer });
    assert.deepEqual(history.map((m) => m.body), [secret, reply], `${device.account} stores each message once`);
    assert.ok(history.every((m) => !m.encryption?.error));
  }
  await sleep(200);
  await spy.stop();
  await Promise.all([romeoLaptop, romeoPhone, julietLaptop, julietPhone].map((d) => d.close()));
});
