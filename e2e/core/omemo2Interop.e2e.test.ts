// OMEMO 2 with an independent implementation: python3-omemo's session manager with python3-twomemo (and
// python3-oldmemo for dual-stack peers), its XEP-0420 envelope written in Python. Both directions, key
// exchanges from each side, offline devices, a dual-stack peer, a contact with a device of each version, and a
// private room with a member of each version.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Element } from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, rawClient } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice, privateRoom } from '../helpers/omemo.ts';
import { NS_LEGACY, NS_V2, type OmemoPeer, startOmemoPeer } from '../helpers/omemoPeer.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const stateFile = (): string => join(mkdtempSync(join(tmpdir(), 'twomemo-')), 'state.json');
const received = (peer: OmemoPeer, body: string) =>
  eventually(
    () => peer.events.find((e) => (e.event === 'received' && e.body === body) || e.event === 'error'),
    `python to get "${body}"`,
    20_000,
  );

test('python-twomemo and the engine: both directions, key exchanges from each side, messages to each side while offline', async () => {
  const [meUser, pyUser] = [await newUser(server, 'engine'), await newUser(server, 'kaidanlike')];
  const state = stateFile();
  let python = await startOmemoPeer(server, pyUser, state, 'v2');
  const laptop = await omemoDevice(server, meUser, 'laptop');
  const engines = [laptop];
  try {
    await knowsDevices(laptop, pyUser.jid, [python.device]);
    await laptop.core.commands['chat.send']({ account: laptop.account, to: pyUser.jid, body: 'hallo OMEMO 2 ✓' });
    assert.deepEqual(await received(python, 'hallo OMEMO 2 ✓'), {
      event: 'received',
      from: meUser.jid,
      device: laptop.deviceId,
      namespace: NS_V2,
      body: 'hallo OMEMO 2 ✓',
    });

    await python.send(meUser.jid, 'answer from twomemo');
    const reply = await eventually(
      () => laptop.inbox.find((m) => m.peer === pyUser.jid && m.direction === 'in' && m.body),
      "the engine to decrypt python's reply",
      20_000,
    );
    assert.equal(reply?.body, 'answer from twomemo');
    assert.deepEqual(
      { device: reply?.encryption?.device, version: reply?.encryption?.version, error: reply?.encryption?.error },
      { device: python.device, version: 'v2', error: undefined },
    );

    // A second device of ours: python opens a session to it with a key exchange.
    const desktop = await omemoDevice(server, meUser, 'desktop');
    engines.push(desktop);
    await eventually(
      async () => {
        await python.send(meUser.jid, `probe ${Date.now()}`);
        return desktop.inbox.some((m) => m.peer === pyUser.jid && m.body.startsWith('probe'));
      },
      'python to encrypt for the new device',
      30_000,
    );
    assert.ok(
      desktop.inbox.every((m) => m.peer !== pyUser.jid || !m.encryption?.error),
      'no unreadable message',
    );

    // Our device offline: the archive brings python's message when it comes back.
    await desktop.core.commands['account.disconnect']({ account: desktop.account });
    await python.send(meUser.jid, 'while your desktop was off');
    await eventually(() => laptop.inbox.some((m) => m.body === 'while your desktop was off'), 'the laptop');
    await desktop.core.commands['account.connect']({ account: desktop.account });
    await eventually(
      () => desktop.inbox.some((m) => m.body === 'while your desktop was off'),
      'the desktop to decrypt it after coming back',
      20_000,
    );

    // Python offline: offline storage keeps our message; python decrypts it with its saved state.
    await python.stop();
    await laptop.core.commands['chat.send']({ account: laptop.account, to: pyUser.jid, body: 'while python was off' });
    python = await startOmemoPeer(server, pyUser, state, 'v2');
    assert.equal((await received(python, 'while python was off'))?.device, laptop.deviceId);
    assert.deepEqual(
      python.events.filter((e) => e.event === 'error'),
      [],
    );
  } finally {
    await python.stop();
    await Promise.all(engines.map((e) => e.close()));
  }
});

test('a dual-stack peer gets OMEMO 2 only; a contact with a legacy device and an OMEMO 2 device gets both elements, each device its own', async () => {
  const [meUser, dualUser, mixedUser] = [
    await newUser(server, 'engine'),
    await newUser(server, 'dual'),
    await newUser(server, 'mixed'),
  ];
  const dual = await startOmemoPeer(server, dualUser, stateFile(), 'both');
  const oldPhone = await startOmemoPeer(server, mixedUser, stateFile(), 'legacy');
  const newPhone = await startOmemoPeer(server, mixedUser, stateFile(), 'v2');
  const laptop = await omemoDevice(server, meUser, 'laptop');
  const wire: Element[] = [];
  const spy = await rawClient(server, mixedUser, 'spy');
  spy.on('stanza', (s: Element) => {
    if (s.is('message') && s.getChild('body')) wire.push(s);
  });
  await spy.send((await import('@xmpp/xml')).default('presence'));
  try {
    await knowsDevices(laptop, dualUser.jid, [dual.device]);
    await laptop.core.commands['chat.send']({ account: laptop.account, to: dualUser.jid, body: 'to both stacks' });
    assert.equal((await received(dual, 'to both stacks'))?.namespace, NS_V2, 'a device in both lists gets OMEMO 2');
    await dual.send(meUser.jid, 'from both stacks');
    const fromDual = await eventually(
      () => laptop.inbox.find((m) => m.body === 'from both stacks'),
      'the dual-stack reply',
      20_000,
    );
    assert.equal(fromDual?.encryption?.version, 'v2', 'python-omemo prefers OMEMO 2 too');

    await knowsDevices(laptop, mixedUser.jid, [oldPhone.device, newPhone.device]);
    const sent = await laptop.core.commands['chat.send']({
      account: laptop.account,
      to: mixedUser.jid,
      body: 'one stanza, two versions',
    });
    assert.equal(sent.encryption?.version, 'both');
    assert.equal((await received(oldPhone, 'one stanza, two versions'))?.namespace, NS_LEGACY);
    assert.equal((await received(newPhone, 'one stanza, two versions'))?.namespace, NS_V2);
    const stanza = await eventually(
      () => wire.find((s) => s.getChild('encrypted', NS_V2) && s.getChild('encrypted', NS_LEGACY)),
      'the stanza with both elements',
    );
    const legacyKeys = stanza?.getChild('encrypted', NS_LEGACY)?.getChild('header')?.getChildren('key') ?? [];
    const v2Keys = stanza?.getChild('encrypted', NS_V2)?.getChild('header')?.getChildren('keys') ?? [];
    const v2Rids = v2Keys.flatMap((k) => k.getChildren('key').map((key) => Number(key.attrs.rid)));
    assert.deepEqual(
      legacyKeys.map((k) => Number(k.attrs.rid)),
      [oldPhone.device],
      'the legacy element is for the legacy device only',
    );
    assert.deepEqual(v2Rids, [newPhone.device], 'the OMEMO 2 element is for the OMEMO 2 device only');
  } finally {
    await spy.stop();
    await Promise.all([dual.stop(), oldPhone.stop(), newPhone.stop(), laptop.close()]);
  }
});

test('a private room with a legacy-only member and an OMEMO 2-only member: each reads the engine, the engine reads both', async () => {
  const [meUser, oldUser, newUser2] = [
    await newUser(server, 'host'),
    await newUser(server, 'gajimlike'),
    await newUser(server, 'kaidanlike'),
  ];
  const legacyPeer = await startOmemoPeer(server, oldUser, stateFile(), 'legacy');
  const v2Peer = await startOmemoPeer(server, newUser2, stateFile(), 'v2');
  const host = await omemoDevice(server, meUser, 'desk');
  try {
    const room = await privateRoom(host, 'Host', []);
    for (const jid of [oldUser.jid, newUser2.jid])
      await host.core.commands['muc.setAffiliation']({ account: host.account, room, jid, affiliation: 'member' });
    await legacyPeer.join(room, 'Old');
    await v2Peer.join(room, 'New');
    await eventually(
      async () => (await host.core.commands['muc.occupants']({ account: host.account, room })).length === 3,
      'both peers in the room',
    );
    const sent = await host.core.commands['muc.send']({ account: host.account, room, body: 'hello, both of you' });
    assert.equal(sent.encryption?.version, 'both');
    const atOld = await eventually(
      () => legacyPeer.events.find((e) => e.room === room && (e.body === 'hello, both of you' || e.error)),
      'the legacy member to read it',
      20_000,
    );
    assert.equal(atOld?.namespace, NS_LEGACY);
    const atNew = await eventually(
      () => v2Peer.events.find((e) => e.room === room && (e.body === 'hello, both of you' || e.error)),
      'the OMEMO 2 member to read it',
      20_000,
    );
    assert.equal(atNew?.namespace, NS_V2);

    // A single-version client reaches only members with a device of its version (python-omemo refuses the rest).
    await legacyPeer.sendRoom(room, [meUser.jid], 'from the legacy side');
    await v2Peer.sendRoom(room, [meUser.jid], 'from the OMEMO 2 side');
    const read = (body: string) =>
      eventually(() => host.inbox.find((m) => m.peer === room && m.body === body), `the engine to read "${body}"`);
    assert.equal((await read('from the legacy side'))?.encryption?.version, 'legacy');
    assert.equal((await read('from the OMEMO 2 side'))?.encryption?.version, 'v2');
  } finally {
    await Promise.all([legacyPeer.stop(), v2Peer.stop(), host.close()]);
  }
});
