// The same engine tests on Prosody and on ejabberd: group chats with their archive, file upload,
// OMEMO between devices of two accounts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Element } from '@xmpp/xml';
import xml from '@xmpp/xml';
import type { BareJid } from '../../shared/model/jid.ts';
import { befriend, newUser, rawClient, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { downloadBytes, invoke, sha256, uploadBytes } from '../helpers/files.ts';
import { knowsDevices, omemoDevice } from '../helpers/omemo.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';
import { onEachServer } from '../server/servers.ts';
import { MUC_DOMAIN } from '../server/xmppServer.ts';

const roomBodies = async (engine: TestEngine, room: BareJid): Promise<string[]> =>
  (await engine.core.commands['chat.history']({ account: engine.account, peer: room })).map((m) => m.body);

onEachServer((at) => {
  test('a room: the creator owns it, messages arrive once each, a later member reads them from the room archive', async () => {
    const [a, b] = [
      await startEngine(at.server, await newUser(at.server, 'anna')),
      await startEngine(at.server, await newUser(at.server, 'ben')),
    ];
    const room = `room-${randomBytes(4).toString('hex')}@${MUC_DOMAIN}` as BareJid;
    const created = await a.core.commands['muc.join']({ account: a.account, room, nick: 'Anna' });
    assert.equal(created.state.status, 'joined');
    assert.equal(created.affiliation, 'owner');
    await b.core.commands['muc.join']({ account: b.account, room, nick: 'Ben' });
    await eventually(() => a.core.runtime(a.account).modules.muc.occupants(room).length === 2, 'Anna to see Ben');
    await a.core.commands['muc.send']({ account: a.account, room, body: 'welcome, Ben!' });
    // Ben answers what he has seen: two messages sent at once may reach the room in either order.
    await eventually(async () => (await roomBodies(b, room)).includes('welcome, Ben!'), 'Ben to see the welcome');
    await b.core.commands['muc.send']({ account: b.account, room, body: 'thanks' });
    await eventually(
      async () => (await roomBodies(a, room)).length === 2 && (await roomBodies(b, room)).length === 2,
      'both messages on both sides',
    );
    const own = (await a.core.commands['chat.history']({ account: a.account, peer: room })).find(
      (m) => m.direction === 'out',
    );
    assert.equal(own?.state, 'delivered', 'the room reflected our message');

    const c = await startEngine(at.server, await newUser(at.server, 'cleo'));
    await c.core.commands['muc.join']({ account: c.account, room, nick: 'Cleo' });
    await eventually(async () => (await roomBodies(c, room)).length >= 2, 'the history to reach Cleo');
    await sleep(300);
    assert.deepEqual(await roomBodies(c, room), ['welcome, Ben!', 'thanks'], 'each once, in order');
    await Promise.all([a.close(), b.close(), c.close()]);
  });

  test('a file sent in a chat uploads (XEP-0363) and downloads at the peer as the same bytes', async () => {
    const a = await startEngine(at.server, await newUser(at.server, 'sender'));
    const b = await startEngine(at.server, await newUser(at.server, 'receiver'));
    await befriend(a, b, { name: 'Receiver' }, { name: 'Sender' });
    await a.core.commands['omemo.setEnabled']({ account: a.account, peer: b.account, enabled: false });
    const service = await invoke(a.core, 'upload.service', { account: a.account });
    assert.deepEqual(service, { service: 'upload.localhost', maxFileSize: 10 * 1024 * 1024 });
    const bytes = randomBytes(700_000);
    const sent = await uploadBytes(a.core, a.account, b.account, 'notes 2026.bin', bytes);
    // Prosody keeps the space (escaped); ejabberd replaces it with an underscore.
    assert.match(sent.body, /^https:\/\/localhost:\d+\/.+\/notes(%20|_)2026\.bin$/u);
    await eventually(
      async () => (await invoke(b.core, 'chat.history', { account: b.account, peer: a.account })).length === 1,
      'the link to arrive',
    );
    const downloaded = await downloadBytes(b.core, b.account, sent.body);
    assert.equal(downloaded.sha256, sha256(bytes));
    assert.match(downloaded.name, /^notes[ _]2026\.bin$/u);
    await Promise.all([a.close(), b.close()]);
  });

  test('OMEMO: each device decrypts both directions and its carbons, the wire carries no plain text, the archive adds nothing twice', async () => {
    const [meUser, peerUser] = [await newUser(at.server, 'romeo'), await newUser(at.server, 'juliet')];
    const laptop = await omemoDevice(at.server, meUser, 'laptop');
    const phone = await omemoDevice(at.server, meUser, 'phone');
    const peer = await omemoDevice(at.server, peerUser, 'laptop');
    await befriend(laptop, peer, { name: 'Juliet' }, { name: 'Romeo' });
    await knowsDevices(laptop, peerUser.jid, [peer.deviceId]);
    await knowsDevices(laptop, meUser.jid, [phone.deviceId]);
    await knowsDevices(peer, meUser.jid, [laptop.deviceId, phone.deviceId]);
    const wire: Element[] = [];
    const spy = await rawClient(at.server, peerUser, 'spy');
    spy.on('stanza', (s: Element) => {
      if (s.is('message')) wire.push(s);
    });
    await spy.send(xml('presence'));
    // With carbons, the spy also sees what the peer's other device sends.
    await spy.sendReceive(xml('iq', { type: 'set', id: 'carbons' }, xml('enable', { xmlns: 'urn:xmpp:carbons:2' })));

    const secret = 'Did my heart love till now?';
    const sent = await laptop.core.commands['chat.send']({ account: laptop.account, to: peerUser.jid, body: secret });
    assert.equal(sent.encryption?.protocol, 'omemo');
    await eventually(() => peer.inbox.some((m) => m.body === secret), 'the peer to decrypt');
    await eventually(() => phone.inbox.some((m) => m.body === secret), 'our phone to decrypt the carbon');
    const reply = 'My bounty is as boundless as the sea';
    await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: reply });
    for (const device of [laptop, phone])
      await eventually(() => device.inbox.some((m) => m.body === reply), 'both our devices to decrypt the reply');
    await eventually(() => wire.length >= 2, 'the spy to see both');
    assert.ok(wire.every((s) => !s.toString().includes(secret) && !s.toString().includes(reply)));
    for (const device of [laptop, phone]) {
      await device.core.commands['archive.catchUp']({ account: device.account });
      const history = await device.core.commands['chat.history']({ account: device.account, peer: peerUser.jid });
      assert.deepEqual(
        history.map((m) => m.body),
        [secret, reply],
      );
      assert.ok(history.every((m) => m.encryption?.protocol === 'omemo' && !m.encryption.error));
    }
    await spy.stop();
    await Promise.all([laptop.close(), phone.close(), peer.close()]);
  });
});
