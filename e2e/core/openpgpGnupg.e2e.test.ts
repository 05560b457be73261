// OpenPGP with a client built on GnuPG, through the private Prosody: its key announced over PEP as other
// clients do, its <signcrypt> messages opened and verified; ours decrypted and verified by GnuPG; a
// wrong recipient, a stale time or a key it never announced are shown as failures; a new key after a
// verified one is left out until the user looks at it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import xml from '@xmpp/xml';
import type { Element } from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, rawClient, startEngine, type TestUser } from '../helpers/accounts.ts';
import { type GnuPg, startGnuPg } from '../helpers/gnupg.ts';
import { knowsPgpKeys } from '../helpers/openpgp.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { stripArmor, wrapArmor } from '../../electron/core/modules/openpgp/pgpLegacy.ts';

const NS_OX = 'urn:xmpp:openpgp:0';
const PUBSUB = 'http://jabber.org/protocol/pubsub';
let server: ProsodyServer;
let gpg: GnuPg;
before(async () => {
  server = await startProsody();
  gpg = await startGnuPg();
});
after(async () => {
  await gpg.close();
  await server.stop();
});

type Raw = Awaited<ReturnType<typeof rawClient>>;
const openOptions = () =>
  xml(
    'publish-options',
    {},
    xml(
      'x',
      { xmlns: 'jabber:x:data', type: 'submit' },
      xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, `${PUBSUB}#publish-options`)),
      xml('field', { var: 'pubsub#access_model' }, xml('value', {}, 'open')),
    ),
  );
/** Publishes one item with an open access model, as clients publish their OpenPGP keys. */
const publishOpen = (client: Raw, node: string, id: string, payload: Element) =>
  client.sendReceive(
    xml(
      'iq',
      { type: 'set', id: randomUUID() },
      xml('pubsub', { xmlns: PUBSUB }, xml('publish', { node }, xml('item', { id }, payload)), openOptions()),
    ),
  );

/** Announces keys as Gajim does: each key's data node, then the list of all of them. */
async function announce(client: Raw, keys: { fingerprint: string; bytes: Buffer }[]): Promise<void> {
  const stamp = new Date().toISOString().replace(/\.\d{3}Z$/u, 'Z');
  for (const { fingerprint, bytes } of keys)
    await publishOpen(
      client,
      `${NS_OX}:public-keys:${fingerprint}`,
      stamp,
      xml('pubkey', { xmlns: NS_OX }, xml('data', {}, bytes.toString('base64'))),
    );
  const list = keys.map((k) => xml('pubkey-metadata', { 'v4-fingerprint': k.fingerprint, date: stamp }));
  await publishOpen(client, `${NS_OX}:public-keys`, 'current', xml('public-keys-list', { xmlns: NS_OX }, ...list));
}

/** A message as a GnuPG-based client builds it: <signcrypt> signed by `signer`, encrypted to `recipient`. */
async function gpgMessage(
  from: TestUser,
  to: BareJid,
  options: {
    signer: string;
    recipient: string;
    body: string;
    toInside?: string;
    time?: Date;
    id?: string;
    /** More of the payload, as Gajim moves a correction inside. */
    inner?: string;
  },
): Promise<Element> {
  const stamp = (options.time ?? new Date()).toISOString().replace(/\.\d{3}Z$/u, 'Z');
  const content =
    `<signcrypt xmlns='${NS_OX}'><to jid='${options.toInside ?? to}'/><time stamp='${stamp}'/><rpad>${randomUUID()}</rpad>` +
    `<payload><body xmlns='jabber:client'>${options.body}</body>${options.inner ?? ''}</payload></signcrypt>`;
  const sealed = await gpg.signEncrypt(content, options.signer, [options.recipient]);
  const id = options.id ?? randomUUID();
  return xml(
    'message',
    { to, type: 'chat', id, from: `${from.jid}/gpg` },
    xml('origin-id', { xmlns: 'urn:xmpp:sid:0', id }),
    xml('openpgp', { xmlns: NS_OX }, sealed.toString('base64')),
    xml('encryption', { xmlns: 'urn:xmpp:eme:0', namespace: NS_OX }),
    xml('body', {}, 'This message is encrypted (XEP-0373: OpenPGP for XMPP).'),
    xml('store', { xmlns: 'urn:xmpp:hints' }),
  );
}

test('a GnuPG client through the server: its messages open and verify, ours open in GnuPG; forgeries are shown as such', async () => {
  const [aliceUser, carolUser] = [await newUser(server, 'alice'), await newUser(server, 'carol')];
  const alice = await startEngine(server, aliceUser);
  const carol = await rawClient(server, carolUser, 'gpg');
  try {
    const carolKey = await gpg.generate(carolUser.jid);
    await announce(carol, [{ fingerprint: carolKey, bytes: await gpg.exportPublic(carolKey) }]);
    await knowsPgpKeys(alice, carolUser.jid);
    const own = await alice.core.commands['openpgp.ownKey']({ account: alice.account });
    assert.ok(own);
    await gpg.importKey(Buffer.from(own.armored));

    const incoming = (body: string) =>
      waitForEvent(
        alice.core,
        'message.added',
        (m) => m.direction === 'in' && m.peer === carolUser.jid && m.body === body,
      );
    const failed = () =>
      waitForEvent(alice.core, 'message.added', (m) => m.peer === carolUser.jid && m.encryption?.error !== undefined);

    const good = incoming('from GnuPG through the server');
    await carol.send(
      await gpgMessage(carolUser, aliceUser.jid, {
        signer: carolKey,
        recipient: own.fingerprint,
        body: 'from GnuPG through the server',
        id: 'gajim-1',
      }),
    );
    assert.deepEqual((await good).encryption, {
      protocol: 'openpgp',
      jid: carolUser.jid,
      fingerprint: carolKey,
      trust: 'blind',
    });
    // A correction inside the payload, as Gajim sends it, applies to the message.
    const corrected = waitForEvent(alice.core, 'message.changed', (m) => m.body === 'from GnuPG, corrected');
    await carol.send(
      await gpgMessage(carolUser, aliceUser.jid, {
        signer: carolKey,
        recipient: own.fingerprint,
        body: 'from GnuPG, corrected',
        inner: `<replace xmlns='urn:xmpp:message-correct:0' id='gajim-1'/>`,
      }),
    );
    assert.equal((await corrected).edited, true);

    const wrongTo = failed();
    await carol.send(
      await gpgMessage(carolUser, aliceUser.jid, {
        signer: carolKey,
        recipient: own.fingerprint,
        body: 'meant for dave',
        toInside: 'dave@localhost',
      }),
    );
    assert.equal((await wrongTo).encryption?.code, 'wrong-recipient');

    const stale = failed();
    await carol.send(
      await gpgMessage(carolUser, aliceUser.jid, {
        signer: carolKey,
        recipient: own.fingerprint,
        body: 'replayed',
        time: new Date('2020-01-01T00:00:00Z'),
      }),
    );
    assert.equal((await stale).encryption?.code, 'stale');

    const strangerKey = await gpg.generate('stranger@localhost');
    const forged = failed();
    await carol.send(
      await gpgMessage(carolUser, aliceUser.jid, { signer: strangerKey, recipient: own.fingerprint, body: 'forged' }),
    );
    assert.equal((await forged).encryption?.code, 'unknown-key');
    const history = await alice.core.commands['chat.history']({ account: alice.account, peer: carolUser.jid });
    assert.deepEqual(
      history.filter((m) => m.body !== '').map((m) => m.body),
      ['from GnuPG, corrected'],
      'no failed check shows its text',
    );

    // Ours, opened by GnuPG with our signature verified.
    await alice.core.commands['encryption.choose']({
      account: alice.account,
      peer: carolUser.jid,
      protocol: 'openpgp',
    });
    const arrived = new Promise<Element>((resolve) =>
      carol.on('stanza', (s: Element) => {
        if (s.is('message') && s.getChild('openpgp', NS_OX)) resolve(s);
      }),
    );
    await alice.core.commands['chat.send']({ account: alice.account, to: carolUser.jid, body: 'hello GnuPG' });
    const stanza = await arrived;
    const opened = await gpg.decryptVerify(Buffer.from(stanza.getChildText('openpgp', NS_OX) ?? '', 'base64'));
    assert.equal(opened.validSigner, own.fingerprint);
    assert.match(opened.plain, /<body xmlns="jabber:client">hello GnuPG<\/body>/u);
    assert.match(opened.plain, new RegExp(`<to jid="${carolUser.jid}"/>`, 'u'));
    // The stanza's other extensions ride inside the payload too, as XEP-0374 asks.
    assert.match(opened.plain, /<payload>.*<request xmlns="urn:xmpp:receipts"\/>.*<\/payload>/su);

    // Verified, then a second key appears: it waits for the user and is left out until then.
    await alice.core.commands['openpgp.setTrust']({
      account: alice.account,
      jid: carolUser.jid,
      fingerprint: carolKey,
      trust: 'verified',
    });
    const secondKey = await gpg.generate(`${carolUser.jid}`);
    await announce(carol, [
      { fingerprint: carolKey, bytes: await gpg.exportPublic(carolKey) },
      { fingerprint: secondKey, bytes: await gpg.exportPublic(secondKey) },
    ]);
    const keys = await eventually(async () => {
      const now = await alice.core.commands['openpgp.keys']({
        account: alice.account,
        jid: carolUser.jid,
        refresh: true,
      });
      return now.length === 2 ? now : undefined;
    }, 'the second key');
    assert.deepEqual(
      keys?.map((k) => [k.fingerprint, k.trust]),
      [
        [carolKey, 'verified'],
        [secondKey, 'undecided'],
      ],
    );
  } finally {
    await carol.stop();
    await alice.close();
  }
});

test('XEP-0027 with a GnuPG client (as Dino sends it): signed presence names its key, legacy messages both ways, our presence signed', async () => {
  const [aliceUser, dinoUser] = [await newUser(server, 'alice'), await newUser(server, 'dino')];
  const alice = await startEngine(server, aliceUser);
  const dino = await rawClient(server, dinoUser, 'dino');
  const watcher = await rawClient(server, aliceUser, 'watcher');
  try {
    const dinoKey = await gpg.generate(dinoUser.jid);
    await announce(dino, [{ fingerprint: dinoKey, bytes: await gpg.exportPublic(dinoKey) }]);
    await knowsPgpKeys(alice, dinoUser.jid);
    const own = await alice.core.commands['openpgp.ownKey']({ account: alice.account });
    assert.ok(own);
    await gpg.importKey(Buffer.from(own.armored));

    // A presence signed over its status: the key that made it is the contact's legacy key.
    const status = 'hacking on Dino';
    await dino.send(
      xml(
        'presence',
        { to: aliceUser.jid },
        xml('status', {}, status),
        xml('x', { xmlns: 'jabber:x:signed' }, stripArmor(await gpg.detachSign(status, dinoKey))),
      ),
    );
    await eventually(
      async () =>
        (await alice.core.commands['encryption.get']({ account: alice.account, peer: dinoUser.jid })).legacyKey ===
        dinoKey,
      'the signed presence mapped to the key',
    );

    const legacyIn = waitForEvent(alice.core, 'message.added', (m) => m.body === 'old school hello');
    await dino.send(
      xml(
        'message',
        { to: aliceUser.jid, type: 'chat', id: randomUUID() },
        xml('body', {}, '[This message is OpenPGP encrypted (see XEP-0027)]'),
        xml('encryption', { xmlns: 'urn:xmpp:eme:0', namespace: 'jabber:x:encrypted' }),
        xml(
          'x',
          { xmlns: 'jabber:x:encrypted' },
          stripArmor(await gpg.encryptArmored('old school hello', [own.fingerprint])),
        ),
      ),
    );
    assert.deepEqual((await legacyIn).encryption, { protocol: 'openpgp-legacy', jid: dinoUser.jid });

    await alice.core.commands['encryption.choose']({
      account: alice.account,
      peer: dinoUser.jid,
      protocol: 'openpgp-legacy',
    });
    const arrived = new Promise<Element>((resolve) =>
      dino.on('stanza', (s: Element) => {
        if (s.is('message') && s.getChild('x', 'jabber:x:encrypted')) resolve(s);
      }),
    );
    const sent = await alice.core.commands['chat.send']({
      account: alice.account,
      to: dinoUser.jid,
      body: 'old school answer',
    });
    assert.equal(sent.encryption?.protocol, 'openpgp-legacy');
    const stanza = await arrived;
    assert.equal(stanza.getChildText('body'), '[This message is OpenPGP encrypted (see XEP-0027)]');
    assert.equal(
      await gpg.decryptArmored(wrapArmor('MESSAGE', stanza.getChildText('x', 'jabber:x:encrypted') ?? '')),
      'old school answer',
    );

    // Our presence signed once asked for: GnuPG verifies it over the status.
    const signedPresence = new Promise<Element>((resolve) =>
      watcher.on('stanza', (s: Element) => {
        if (s.is('presence') && s.getChild('x', 'jabber:x:signed') && s.attrs.from !== `${aliceUser.jid}/watcher`)
          resolve(s);
      }),
    );
    await watcher.send(xml('presence'));
    await alice.core.commands['presence.set']({
      account: alice.account,
      show: 'online',
      status: 'signed status',
      priority: 0,
    });
    await alice.core.commands['openpgp.setSignPresence']({ account: alice.account, sign: true });
    const presence = await signedPresence;
    assert.equal(presence.getChildText('status'), 'signed status');
    const signature = wrapArmor('SIGNATURE', presence.getChildText('x', 'jabber:x:signed') ?? '');
    assert.equal(await gpg.verifyDetached('signed status', signature), own.fingerprint);
  } finally {
    await Promise.all([dino.stop(), watcher.stop()]);
    await alice.close();
  }
});
