// OpenPGP for XMPP (XEP-0373/0374) between engines through the private Prosody: chosen per chat, the wire
// carries no plain text, both devices of an account and the archive read it, and what fails a check is
// shown as a failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Element } from '@xmpp/xml';
import xml from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, rawClient, startEngine } from '../helpers/accounts.ts';
import { knowsPgpKeys } from '../helpers/openpgp.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('a chat set to OpenPGP: signed and encrypted both ways, our other device reads its carbons, the wire has no text', async () => {
  const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
  const alice = await startEngine(server, aliceUser, { resource: 'laptop' });
  const bob = await startEngine(server, bobUser);
  const alicePhone = await startEngine(server, aliceUser, { resource: 'phone' });
  try {
    await befriend(alice, bob, { name: 'Bob' }, { name: 'Alice' });
    await knowsPgpKeys(alice, bobUser.jid);
    await knowsPgpKeys(bob, aliceUser.jid, 2);
    await knowsPgpKeys(alice, aliceUser.jid, 2);
    // Trust on first use: Bob trusts Alice's first key; her second (a new device) waits for him, and he is told.
    const seenByBob = await bob.core.commands['openpgp.keys']({ account: bob.account, jid: aliceUser.jid });
    assert.deepEqual(seenByBob.map((k) => k.trust).sort(), ['blind', 'undecided']);
    const bobsView = await bob.core.commands['encryption.get']({ account: bob.account, peer: aliceUser.jid });
    assert.equal(bobsView.openpgpUndecided, 1);
    // Alice's own two devices trust each other's keys (blindly, until she verifies one).
    const ownKeys = await alice.core.commands['openpgp.keys']({ account: alice.account, jid: aliceUser.jid });
    assert.ok(ownKeys.every((k) => k.trust === 'blind' || k.trust === 'verified'));
    const wire: Element[] = [];
    const spy = await rawClient(server, bobUser, 'spy');
    spy.on('stanza', (s: Element) => {
      if (s.is('message')) wire.push(s);
    });
    await spy.send(xml('presence'));

    const before = await alice.core.commands['encryption.get']({ account: alice.account, peer: bobUser.jid });
    assert.equal(before.openpgpAvailable, true);
    const chosen = await alice.core.commands['encryption.choose']({
      account: alice.account,
      peer: bobUser.jid,
      protocol: 'openpgp',
    });
    assert.deepEqual(chosen, { chosen: 'openpgp', effective: 'openpgp', openpgpAvailable: true, openpgpUndecided: 0 });

    const atBob = waitForEvent(bob.core, 'message.added', (m) => m.direction === 'in' && m.body === 'only for Bob');
    const onPhone = waitForEvent(
      alicePhone.core,
      'message.added',
      (m) => m.direction === 'out' && m.body === 'only for Bob',
    );
    const sent = await alice.core.commands['chat.send']({
      account: alice.account,
      to: bobUser.jid,
      body: 'only for Bob',
    });
    const own = (await alice.core.commands['openpgp.ownKey']({ account: alice.account }))?.fingerprint;
    assert.equal(sent.encryption?.protocol, 'openpgp');
    const received = await atBob;
    assert.deepEqual(received.encryption, {
      protocol: 'openpgp',
      jid: aliceUser.jid,
      fingerprint: own,
      trust: 'blind',
    });
    assert.equal((await onPhone).encryption?.fingerprint, own, 'the carbon opened on our other device');
    // A correction goes inside the same encryption (its <replace/> in the payload too) and applies.
    const fixed = waitForEvent(bob.core, 'message.changed', (m) => m.body === 'only for Bob, corrected');
    await alice.core.commands['chat.correct']({ account: alice.account, id: sent.id, body: 'only for Bob, corrected' });
    assert.equal((await fixed).encryption?.fingerprint, own);

    // Bob answers over OpenPGP too once he picks it; Alice reads it.
    await bob.core.commands['encryption.choose']({ account: bob.account, peer: aliceUser.jid, protocol: 'openpgp' });
    const atAlice = waitForEvent(alice.core, 'message.added', (m) => m.direction === 'in' && m.body === 'read you');
    await bob.core.commands['chat.send']({ account: bob.account, to: aliceUser.jid, body: 'read you' });
    assert.equal((await atAlice).encryption?.protocol, 'openpgp');

    await eventually(
      () => wire.some((s) => s.getChild('openpgp', 'urn:xmpp:openpgp:0')),
      'the encrypted stanza on the wire',
    );
    const text = wire.map((s) => s.toString()).join('\n');
    assert.ok(!text.includes('only for Bob') && !text.includes('read you'), 'no plain text on the wire');
    assert.ok(
      text.includes("namespace='urn:xmpp:openpgp:0'") || text.includes('namespace="urn:xmpp:openpgp:0"'),
      'EME hint',
    );
    await spy.stop();

    // Bob, offline, gets the message from offline storage or the archive and opens it once he is back.
    await bob.core.commands['account.disconnect']({ account: bob.account });
    await alice.core.commands['chat.send']({ account: alice.account, to: bobUser.jid, body: 'while you were away' });
    const later = waitForEvent(bob.core, 'message.added', (m) => m.body === 'while you were away');
    await bob.core.commands['account.connect']({ account: bob.account });
    assert.equal((await later).encryption?.fingerprint, own);
  } finally {
    await Promise.all([alice.close(), alicePhone.close(), bob.close()]);
  }
});

test('the secret key backed up on one device is restored on another with its code: both then share one key', async () => {
  const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
  const laptop = await startEngine(server, aliceUser, { resource: 'laptop' });
  const phone = await startEngine(server, aliceUser, { resource: 'phone' });
  const bob = await startEngine(server, bobUser);
  try {
    await befriend(laptop, bob, { name: 'Bob' }, { name: 'Alice' });
    await knowsPgpKeys(laptop, aliceUser.jid, 2);
    const laptopKey = await laptop.core.commands['openpgp.ownKey']({ account: laptop.account });
    const phoneKey = await phone.core.commands['openpgp.ownKey']({ account: phone.account });
    assert.notEqual(phoneKey?.fingerprint, laptopKey?.fingerprint, 'each device made its own key first');

    const { code } = await laptop.core.commands['openpgp.backup']({ account: laptop.account });
    assert.match(code, /^([A-NP-Z1-9]{4}-){5}[A-NP-Z1-9]{4}$/u);
    await assert.rejects(
      phone.core.commands['openpgp.restore']({ account: phone.account, code: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA' }),
      {
        message: /backup code does not open/u,
      },
    );
    const restored = await phone.core.commands['openpgp.restore']({ account: phone.account, code });
    assert.equal(restored.fingerprint, laptopKey?.fingerprint);
    // The phone's own first key leaves the account's list: nobody encrypts to it any more.
    await eventually(async () => {
      const listed = await bob.core.commands['openpgp.keys']({
        account: bob.account,
        jid: aliceUser.jid,
        refresh: true,
      });
      return listed.length > 0 && listed.filter((k) => k.active).every((k) => k.fingerprint === laptopKey?.fingerprint);
    }, 'only the shared key announced');

    // A message Bob encrypts now opens on both devices with the one key.
    await knowsPgpKeys(bob, aliceUser.jid);
    await bob.core.commands['encryption.choose']({ account: bob.account, peer: aliceUser.jid, protocol: 'openpgp' });
    const onLaptop = waitForEvent(laptop.core, 'message.added', (m) => m.body === 'for both of you');
    const onPhone = waitForEvent(phone.core, 'message.added', (m) => m.body === 'for both of you');
    await bob.core.commands['chat.send']({ account: bob.account, to: aliceUser.jid, body: 'for both of you' });
    await Promise.all([onLaptop, onPhone]);
  } finally {
    await Promise.all([laptop.close(), phone.close(), bob.close()]);
  }
});
