// Device list hygiene: a lost device of ours is taken out of both our lists by the user (and nothing is
// encrypted for it any more); a contact's device that left its lists is shown inactive and left out too.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import xml, { type Element } from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, rawClient } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice } from '../helpers/omemo.ts';
import { eventually } from '../helpers/waitFor.ts';
import { fetchDeviceList, publishDeviceList } from '../../electron/core/modules/omemo/omemo.pep.ts';
import { fetchDevices2, publishDevices2 } from '../../electron/core/modules/omemo/v2/omemo2.pep.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const keyedDevices = (stanza: Element | undefined): number[] =>
  [
    ...(stanza?.getChild('encrypted', 'urn:xmpp:omemo:2')?.getChild('header')?.getChildren('keys') ?? []).flatMap(
      (keys) => keys.getChildren('key'),
    ),
    ...(stanza?.getChild('encrypted', 'eu.siacs.conversations.axolotl')?.getChild('header')?.getChildren('key') ?? []),
  ].map((k) => Number(k.attrs.rid));

test('a lost device of ours leaves both lists when we remove it; a contact device that left its lists is inactive and left out', async () => {
  const [meUser, friendUser] = [await newUser(server, 'owner'), await newUser(server, 'friend')];
  const laptop = await omemoDevice(server, meUser, 'laptop');
  const lostPhone = await omemoDevice(server, meUser, 'phone');
  const friend = await omemoDevice(server, friendUser, 'desktop');
  const friendTablet = await omemoDevice(server, friendUser, 'tablet');
  const wire: Element[] = [];
  const spy = await rawClient(server, friendUser, 'spy');
  spy.on('stanza', (s: Element) => {
    if (s.is('message') && s.getChild('body')) wire.push(s);
  });
  await spy.send(xml('presence'));
  try {
    await befriend(laptop, friend, { name: 'Friend' }, { name: 'Owner' });
    await knowsDevices(laptop, meUser.jid, [lostPhone.deviceId]);
    await knowsDevices(laptop, friendUser.jid, [friend.deviceId, friendTablet.deviceId]);
    await lostPhone.close();

    await laptop.core.commands['omemo.removeDevice']({ account: laptop.account, device: lostPhone.deviceId });
    const connection = laptop.core.runtime(laptop.account).connection;
    assert.ok(
      !(await fetchDeviceList(connection, meUser.jid)).includes(lostPhone.deviceId),
      'gone from the legacy list',
    );
    assert.ok(!(await fetchDevices2(connection, meUser.jid)).some((d) => d.id === lostPhone.deviceId), 'and from v2');
    assert.ok((await fetchDeviceList(connection, meUser.jid)).includes(laptop.deviceId), 'our own device stays');
    await assert.rejects(
      laptop.core.commands['omemo.removeDevice']({ account: laptop.account, device: laptop.deviceId }),
      /cannot remove itself/u,
    );

    // The friend's tablet is retired: its id leaves the friend's lists (as its client does on logout).
    await friendTablet.close();
    const friendConnection = friend.core.runtime(friend.account).connection;
    const legacy = await fetchDeviceList(friendConnection, friendUser.jid);
    const v2 = await fetchDevices2(friendConnection, friendUser.jid);
    await publishDeviceList(
      friendConnection,
      legacy.filter((id) => id !== friendTablet.deviceId),
    );
    await publishDevices2(
      friendConnection,
      v2.filter((d) => d.id !== friendTablet.deviceId),
    );
    const state = await eventually(async () => {
      const s = await laptop.core.commands['omemo.chatState']({ account: laptop.account, peer: friendUser.jid });
      return s.devices.find((d) => d.id === friendTablet.deviceId)?.active === false ? s : undefined;
    }, 'the tablet shown inactive');
    const tablet = state?.devices.find((d) => d.id === friendTablet.deviceId);
    assert.deepEqual(tablet?.versions, [], 'in neither list');
    assert.ok(state?.devices.find((d) => d.id === lostPhone.deviceId)?.active === false, 'our phone too');

    await laptop.core.commands['chat.send']({ account: laptop.account, to: friendUser.jid, body: 'after the cleanup' });
    await eventually(() => friend.inbox.some((m) => m.body === 'after the cleanup'), 'the friend to read it');
    const stanza = await eventually(() => wire.at(-1), 'the stanza on the wire');
    const keyed = keyedDevices(stanza);
    assert.ok(keyed.includes(friend.deviceId));
    assert.ok(!keyed.includes(friendTablet.deviceId), 'nothing for the retired tablet');
    assert.ok(!keyed.includes(lostPhone.deviceId), 'nothing for the removed phone');

    // A new device of the friend in both lists whose OMEMO 2 bundle cannot be had is reached through legacy OMEMO.
    const friendPhone = await omemoDevice(server, friendUser, 'phone');
    await friendConnection.iq(
      'set',
      undefined,
      xml(
        'pubsub',
        { xmlns: 'http://jabber.org/protocol/pubsub' },
        xml('retract', { node: 'urn:xmpp:omemo:2:bundles' }, xml('item', { id: String(friendPhone.deviceId) })),
      ),
    );
    await knowsDevices(laptop, friendUser.jid, [friendPhone.deviceId]);
    await laptop.core.commands['chat.send']({ account: laptop.account, to: friendUser.jid, body: 'legacy for you' });
    const atPhone = await eventually(
      () => friendPhone.inbox.find((m) => m.body === 'legacy for you'),
      'the phone to decrypt it',
    );
    assert.equal(atPhone?.encryption?.version, 'legacy');
    await friendPhone.close();
  } finally {
    await spy.stop();
    await Promise.all([laptop.close(), friend.close()]);
  }
});
