import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element } from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, rawClient } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice } from '../helpers/omemo.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

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
  spy.on('stanza', (s: Element) => {
    if (s.is('message')) wire.push(s);
  });
  await spy.send((await import('@xmpp/xml')).default('presence'));

  const state = await romeoLaptop.core.commands['omemo.chatState']({
    account: romeoLaptop.account,
    peer: julietUser.jid,
  });
  assert.equal(state.enabled, true, 'on by default: the contact has OMEMO devices');
  assert.equal(state.usable, true, JSON.stringify(state));
  const secret = 'Did my heart love till now? Forswear it, sight!';
  const sent = await romeoLaptop.core.commands['chat.send']({
    account: romeoLaptop.account,
    to: julietUser.jid,
    body: secret,
  });
  assert.equal(sent.encryption?.protocol, 'omemo');
  for (const device of [julietLaptop, julietPhone]) {
    await eventually(() => device.inbox.some((m) => m.body === secret), "each of juliet's devices to decrypt");
  }
  await eventually(
    () => romeoPhone.inbox.some((m) => m.body === secret && m.direction === 'out'),
    "romeo's phone to decrypt the carbon",
  );
  const atJuliet = julietLaptop.inbox.find((m) => m.body === secret);
  assert.deepEqual(atJuliet?.encryption, {
    protocol: 'omemo',
    jid: romeoUser.jid,
    device: romeoLaptop.deviceId,
    version: 'v2',
    trust: 'blind',
  });

  const reply = 'My bounty is as boundless as the sea';
  await julietPhone.core.commands['chat.send']({ account: julietPhone.account, to: romeoUser.jid, body: reply });
  for (const device of [romeoLaptop, romeoPhone])
    await eventually(() => device.inbox.some((m) => m.body === reply), "romeo's devices to decrypt the reply");
  await eventually(
    () => julietLaptop.inbox.some((m) => m.body === reply && m.direction === 'out'),
    "juliet's laptop to decrypt her own reply",
  );

  await eventually(() => wire.length >= 1, 'the spy to see the stanza');
  for (const stanza of wire) {
    assert.ok(!stanza.toString().includes(secret) && !stanza.toString().includes(reply), 'no plain text on the wire');
  }
  // Two dual-stack clients speak OMEMO 2 only: no device gets both versions.
  assert.ok(wire.some((s) => s.getChild('encrypted', 'urn:xmpp:omemo:2')));
  assert.ok(!wire.some((s) => s.getChild('encrypted', 'eu.siacs.conversations.axolotl')));

  // Archive catch-up brings the same messages again: each is decrypted and stored once.
  for (const device of [romeoLaptop, romeoPhone, julietLaptop, julietPhone]) {
    await device.core.commands['archive.catchUp']({ account: device.account });
    const peer = device.account === romeoUser.jid ? julietUser.jid : romeoUser.jid;
    const history = await device.core.commands['chat.history']({ account: device.account, peer });
    assert.deepEqual(
      history.map((m) => m.body),
      [secret, reply],
      `${device.account} stores each message once`,
    );
    assert.ok(history.every((m) => !m.encryption?.error));
  }
  await sleep(200);
  await spy.stop();
  await Promise.all([romeoLaptop, romeoPhone, julietLaptop, julietPhone].map((d) => d.close()));
});

test('a device offline when the message was sent decrypts it from the archive when it comes back', async () => {
  const [romeoUser, julietUser] = [await newUser(server, 'romeo'), await newUser(server, 'juliet')];
  const romeo = await omemoDevice(server, romeoUser, 'laptop');
  const julietLaptop = await omemoDevice(server, julietUser, 'laptop');
  const julietPhone = await omemoDevice(server, julietUser, 'phone');
  await befriend(romeo, julietLaptop, { name: 'Juliet' }, { name: 'Romeo' });
  await knowsDevices(romeo, julietUser.jid, [julietLaptop.deviceId, julietPhone.deviceId]);
  await julietPhone.core.commands['account.disconnect']({ account: julietPhone.account });

  const text = 'Wherefore art thou?';
  await romeo.core.commands['chat.send']({ account: romeo.account, to: julietUser.jid, body: text });
  await eventually(() => julietLaptop.inbox.some((m) => m.body === text), 'the online device to decrypt');
  await julietPhone.core.commands['account.connect']({ account: julietPhone.account });
  await eventually(() => julietPhone.inbox.some((m) => m.body === text), 'the device back online to decrypt it');
  await sleep(300);
  assert.equal(julietPhone.inbox.filter((m) => m.peer === romeoUser.jid).length, 1, 'once');
  await Promise.all([romeo, julietLaptop, julietPhone].map((d) => d.close()));
});

test('blind trust until a device is verified; then a new device waits for a decision and is told it was left out', async () => {
  const [romeoUser, julietUser] = [await newUser(server, 'romeo'), await newUser(server, 'juliet')];
  const romeo = await omemoDevice(server, romeoUser, 'laptop');
  const juliet = await omemoDevice(server, julietUser, 'laptop');
  await befriend(romeo, juliet, { name: 'Juliet' }, { name: 'Romeo' });
  await knowsDevices(juliet, romeoUser.jid, [romeo.deviceId]);
  const verified = await juliet.core.commands['omemo.setTrust']({
    account: juliet.account,
    jid: romeoUser.jid,
    device: romeo.deviceId,
    trust: 'verified',
  });
  assert.equal(verified.trust, 'verified');

  const tablet = await omemoDevice(server, romeoUser, 'tablet');
  await knowsDevices(juliet, romeoUser.jid, [romeo.deviceId, tablet.deviceId]);
  const state = await juliet.core.commands['omemo.chatState']({
    account: juliet.account,
    peer: romeoUser.jid,
    refresh: true,
  });
  assert.equal(
    state.devices.find((d) => d.id === tablet.deviceId)?.trust,
    'undecided',
    'a new device after verification is not trusted',
  );
  assert.equal(state.undecided, 1, 'the chat warns about it');
  assert.equal(state.usable, true, 'the verified device still gets messages');

  const first = await juliet.core.commands['chat.send']({
    account: juliet.account,
    to: romeoUser.jid,
    body: 'for the verified laptop only',
  });
  assert.deepEqual(first.encryption?.skipped, [{ jid: romeoUser.jid, device: tablet.deviceId }]);
  await eventually(
    () => romeo.inbox.some((m) => m.body === 'for the verified laptop only'),
    'the verified device to decrypt',
  );
  const notForTablet = await eventually(
    () => tablet.inbox.find((m) => m.peer === julietUser.jid),
    'the tablet to get the message',
  );
  assert.equal(notForTablet?.body, '', 'the fallback body is never shown');
  assert.equal(notForTablet?.encryption?.error, 'not encrypted for this device');

  await juliet.core.commands['omemo.setTrust']({
    account: juliet.account,
    jid: romeoUser.jid,
    device: tablet.deviceId,
    trust: 'verified',
  });
  await juliet.core.commands['chat.send']({ account: juliet.account, to: romeoUser.jid, body: 'now for both' });
  await eventually(() => tablet.inbox.some((m) => m.body === 'now for both'), 'the verified tablet to decrypt');

  await juliet.core.commands['omemo.setTrust']({
    account: juliet.account,
    jid: romeoUser.jid,
    device: romeo.deviceId,
    trust: 'distrusted',
  });
  await juliet.core.commands['chat.send']({
    account: juliet.account,
    to: romeoUser.jid,
    body: 'not for the distrusted laptop',
  });
  await eventually(() => tablet.inbox.some((m) => m.body === 'not for the distrusted laptop'), 'the tablet to decrypt');
  const atLaptop = await eventually(
    () => romeo.inbox.find((m) => m.peer === julietUser.jid && m.encryption?.error),
    'the laptop to be told',
  );
  assert.equal(atLaptop?.encryption?.error, 'not encrypted for this device');
  await Promise.all([romeo, juliet, tablet].map((d) => d.close()));
});

test('a used pre-key is replaced: the bundle offers 100 again, without the used one', async () => {
  const [romeoUser, julietUser] = [await newUser(server, 'romeo'), await newUser(server, 'juliet')];
  const romeo = await omemoDevice(server, romeoUser, 'laptop');
  const juliet = await omemoDevice(server, julietUser, 'laptop');
  await befriend(romeo, juliet, { name: 'Juliet' }, { name: 'Romeo' });
  const before = juliet.core.store.omemo.livePreKeys(juliet.account).map((k) => k.id);
  await romeo.core.commands['chat.send']({ account: romeo.account, to: julietUser.jid, body: 'first contact' });
  await eventually(() => juliet.inbox.some((m) => m.body === 'first contact'), 'juliet to decrypt the pre-key message');
  const after = await eventually(() => {
    const live = juliet.core.store.omemo.livePreKeys(juliet.account).map((k) => k.id);
    return live.length === 100 && live.some((id) => !before.includes(id)) ? live : undefined;
  }, 'the pool to be topped up');
  const used = before.filter((id) => !(after ?? []).includes(id));
  assert.equal(used.length, 1, 'exactly one pre-key was used');
  const { fetchBundle } = await import('../../electron/core/modules/omemo/omemo.pep.ts');
  // The pool is refilled locally first; the bundle is republished right after.
  const published = await eventually(async () => {
    const bundle = await fetchBundle(romeo.core.runtime(romeo.account).connection, julietUser.jid, juliet.deviceId);
    return bundle.preKeys.some((k) => k.id === used[0]) ? undefined : bundle;
  }, 'the used pre-key to leave the published bundle');
  assert.equal(published?.preKeys.length, 100);
  await Promise.all([romeo, juliet].map((d) => d.close()));
});
