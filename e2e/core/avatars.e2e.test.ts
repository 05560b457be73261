// Avatars on both servers: ours published (XEP-0084, and vCard-temp for older clients where the server
// does not convert), a contact's fetched on notification and checked, a vCard-only contact's from the
// XEP-0153 hash in presence, removal, and a contact whose announced hash does not match its picture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import xml from '@xmpp/xml';
import { befriend, newUser, rawClient, startEngine, type TestEngine } from '../helpers/accounts.ts';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { MUC_DOMAIN } from '../server/xmppServer.ts';
import { makePng } from '../helpers/png.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';
import { onEachServer } from '../server/servers.ts';

const sha1 = (bytes: Buffer): string => createHash('sha1').update(bytes).digest('hex');

/** Both subscriptions in place (ejabberd has no server-side pre-approval: the engines answer, a moment later). */
async function mutual(engine: TestEngine, other: AccountId): Promise<void> {
  await eventually(
    async () =>
      (await engine.core.commands['roster.list']({ account: engine.account })).find((i) => i.jid === other)
        ?.subscription === 'both',
    'both subscriptions',
    // ejabberd leaves the answers to the clients: on a busy machine that takes more than a few seconds.
    30_000,
  );
}

onEachServer((at, kind) => {
  test('our avatar reaches a contact checked by its hash; removing it reaches them too', async () => {
    const [aUser, bUser] = [await newUser(at.server, 'ava'), await newUser(at.server, 'bo')];
    const [a, b] = [await startEngine(at.server, aUser), await startEngine(at.server, bUser)];
    try {
      await befriend(a, b, { name: 'Bo' }, { name: 'Ava' });
      // Contacts before the picture changes, as people are: our presence carrying the new picture's hash reaches Bo
      // only once Bo's subscription is in place (on a busy machine befriend returns before the server did it).
      await mutual(a, b.account);
      await mutual(b, a.account);
      const png = makePng(96, 96);
      const seen = waitForEvent(b.core, 'avatar.changed', (e) => e.jid === a.account && e.hash === sha1(png));
      await a.core.commands['avatar.setOwn']({
        account: a.account,
        image: { type: 'image/png', base64: png.toString('base64') },
      });
      await seen;
      const image = await b.core.commands['avatar.get']({ hash: sha1(png) });
      assert.equal(image?.type, 'image/png');
      assert.deepEqual(Buffer.from(image?.base64 ?? '', 'base64'), png);
      assert.deepEqual(await b.core.commands['avatar.list']({ account: b.account }), [
        { jid: a.account, hash: sha1(png) },
      ]);
      assert.deepEqual(await a.core.commands['avatar.list']({ account: a.account }), [
        { jid: a.account, hash: sha1(png) },
      ]);

      // Older clients read the vCard (XEP-0153): it holds the same picture, whoever keeps it in step.
      const reader = await rawClient(at.server, bUser, 'old-client');
      const vcard = await reader.sendReceive(
        xml('iq', { type: 'get', to: a.account, id: 'vc' }, xml('vCard', { xmlns: 'vcard-temp' })),
      );
      const binval = vcard.getChild('vCard', 'vcard-temp')?.getChild('PHOTO')?.getChildText('BINVAL') ?? '';
      assert.equal(sha1(Buffer.from(binval, 'base64')), sha1(png));
      await reader.stop();

      const gone = waitForEvent(b.core, 'avatar.changed', (e) => e.jid === a.account && e.hash === undefined);
      await a.core.commands['avatar.setOwn']({ account: a.account });
      await gone;
      assert.deepEqual(await b.core.commands['avatar.list']({ account: b.account }), []);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('a vCard-only contact’s photo hash in presence brings their avatar (XEP-0153)', async () => {
    const [bUser, cUser] = [await newUser(at.server, 'bo'), await newUser(at.server, 'cy')];
    const [b, c] = [await startEngine(at.server, bUser), await startEngine(at.server, cUser)];
    try {
      await befriend(b, c, { name: 'Cy' }, { name: 'Bo' });
      await mutual(b, c.account);
      await mutual(c, b.account);
      await c.close();
      const old = await rawClient(at.server, cUser, 'old-client');
      const jpeg = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 7)]);
      // Prosody turns the stored vCard into a PEP avatar at once: the event may come before the presence.
      const seen = waitForEvent(b.core, 'avatar.changed', (e) => e.jid === cUser.jid && e.hash === sha1(jpeg));
      await old.sendReceive(
        xml(
          'iq',
          { type: 'set', id: 'set-vc' },
          xml(
            'vCard',
            { xmlns: 'vcard-temp' },
            xml('FN', {}, 'Cy'),
            xml('PHOTO', {}, xml('TYPE', {}, 'image/jpeg'), xml('BINVAL', {}, jpeg.toString('base64'))),
          ),
        ),
      );
      await old.send(xml('presence', {}, xml('x', { xmlns: 'vcard-temp:x:update' }, xml('photo', {}, sha1(jpeg)))));
      await seen;
      assert.equal((await b.core.commands['avatar.get']({ hash: sha1(jpeg) }))?.type, 'image/jpeg');
      await old.stop();
    } finally {
      await b.close();
    }
  });

  test('an announced hash that does not match the picture is refused, and not fetched again', async () => {
    const [bUser, dUser] = [await newUser(at.server, 'bo'), await newUser(at.server, 'dee')];
    const [b, d] = [await startEngine(at.server, bUser), await startEngine(at.server, dUser)];
    try {
      await befriend(b, d, { name: 'Dee' }, { name: 'Bo' });
      await mutual(b, d.account);
      await mutual(d, b.account);
      await b.core.commands['console.open']({ account: b.account });
      const picture = makePng(8, 8);
      const claimed = sha1(makePng(9, 9));
      const asked: string[] = [];
      b.core.events.on('console.entry', ({ entry }) => {
        if (entry.dir === 'out' && entry.xml.includes('urn:xmpp:avatar:data') && entry.xml.includes(claimed))
          asked.push(entry.xml);
      });
      const raw = await rawClient(at.server, dUser, 'liar');
      // ejabberd sends a user's PEP notifications only while one of their sessions is available.
      await raw.send(xml('presence', {}, xml('priority', {}, '-1')));
      const publish = (node: string, payload: ReturnType<typeof xml>, id: string) =>
        raw.sendReceive(
          xml(
            'iq',
            { type: 'set', id },
            xml(
              'pubsub',
              { xmlns: 'http://jabber.org/protocol/pubsub' },
              xml('publish', { node }, xml('item', { id: claimed }, payload)),
            ),
          ),
        );
      await publish(
        'urn:xmpp:avatar:data',
        xml('data', { xmlns: 'urn:xmpp:avatar:data' }, picture.toString('base64')),
        'p1',
      );
      const metadata = (n: string) =>
        publish(
          'urn:xmpp:avatar:metadata',
          xml(
            'metadata',
            { xmlns: 'urn:xmpp:avatar:metadata' },
            xml('info', { id: claimed, bytes: String(picture.length), type: 'image/png', note: n }),
          ),
          `m-${n}`,
        );
      await metadata('1');
      // ejabberd (mod_avatar) may not pass the false announcement on: it announces the picture under its real
      // hash itself. Prosody passes it on, and the engine must catch it.
      if (kind === 'prosody') await eventually(() => asked.length === 1, 'the picture fetched once');
      await metadata('2');
      // The second announcement is handled once a ping sent after it has come back.
      await b.core.commands['presence.lastActivity']({ account: b.account, jid: b.account }).catch(() => undefined);
      assert.ok(asked.length <= 1, 'a refused hash is not fetched again');
      const shown = await b.core.commands['avatar.list']({ account: b.account });
      assert.ok(!shown.some((r) => r.hash === claimed), 'the claimed hash is not shown');
      assert.equal(await b.core.commands['avatar.get']({ hash: claimed }), null);
      await raw.stop();
    } finally {
      await Promise.all([b.close(), d.close()]);
    }
  });

  test('an occupant’s own picture, announced in its room presence, is fetched through the room when asked', async () => {
    const [aUser, bUser, mUser] = [
      await newUser(at.server, 'pia'),
      await newUser(at.server, 'viewer'),
      await newUser(at.server, 'mal'),
    ];
    const [a, b] = [await startEngine(at.server, aUser), await startEngine(at.server, bUser)];
    try {
      const room = `faces-${randomBytes(4).toString('hex')}@${MUC_DOMAIN}` as BareJid;
      const first = makePng(40, 40);
      await a.core.commands['avatar.setOwn']({
        account: a.account,
        image: { type: 'image/png', base64: first.toString('base64') },
      });
      await a.core.commands['muc.join']({ account: a.account, room, nick: 'Pia' });
      await b.core.commands['muc.join']({ account: b.account, room, nick: 'Viewer' });
      const occupant = async () =>
        (await b.core.commands['muc.occupants']({ account: b.account, room })).find((o) => o.nick === 'Pia');
      assert.equal((await occupant())?.jid, undefined, 'the room hides real addresses');
      await eventually(async () => (await occupant())?.avatar === sha1(first), 'the hash in the room presence');
      const fetched = await b.core.commands['avatar.occupant']({ account: b.account, room, nick: 'Pia' });
      assert.deepEqual(Buffer.from(fetched?.base64 ?? '', 'base64'), first);

      // A new picture is announced to the rooms we are in.
      const second = makePng(41, 41);
      const changed = waitForEvent(b.core, 'muc.occupantsChanged', (e) =>
        e.present.some((o) => o.nick === 'Pia' && o.avatar === sha1(second)),
      );
      await a.core.commands['avatar.setOwn']({
        account: a.account,
        image: { type: 'image/png', base64: second.toString('base64') },
      });
      await changed;
      const again = await b.core.commands['avatar.occupant']({ account: b.account, room, nick: 'Pia' });
      assert.deepEqual(Buffer.from(again?.base64 ?? '', 'base64'), second);

      // An occupant announcing a hash its vCard does not match gets nothing shown, and is asked once.
      const liar = await rawClient(at.server, mUser, 'liar');
      const claimed = sha1(makePng(3, 3));
      await liar.sendReceive(
        xml(
          'iq',
          { type: 'set', id: 'vc' },
          xml(
            'vCard',
            { xmlns: 'vcard-temp' },
            xml('PHOTO', {}, xml('TYPE', {}, 'image/png'), xml('BINVAL', {}, makePng(4, 4).toString('base64'))),
          ),
        ),
      );
      await b.core.commands['console.open']({ account: b.account });
      let asked = 0;
      b.core.events.on('console.entry', ({ entry }) => {
        if (entry.dir === 'out' && entry.xml.includes('vcard-temp') && entry.xml.includes('/Mal')) asked += 1;
      });
      await liar.send(
        xml(
          'presence',
          { to: `${room}/Mal` },
          xml('x', { xmlns: 'http://jabber.org/protocol/muc' }),
          xml('x', { xmlns: 'vcard-temp:x:update' }, xml('photo', {}, claimed)),
        ),
      );
      const mal = async () =>
        (await b.core.commands['muc.occupants']({ account: b.account, room })).find((o) => o.nick === 'Mal');
      await eventually(async () => (await mal()) !== undefined, 'the liar in the room');
      if (kind === 'prosody') {
        assert.equal((await mal())?.avatar, claimed);
        assert.equal(await b.core.commands['avatar.occupant']({ account: b.account, room, nick: 'Mal' }), null);
        await eventually(() => asked === 1, 'the picture asked for once');
        assert.equal(await b.core.commands['avatar.occupant']({ account: b.account, room, nick: 'Mal' }), null);
        // Console entries come in order: once the answer to a later query is in, a second fetch would be too.
        await b.core.commands['presence.lastActivity']({ account: b.account, jid: b.account }).catch(() => undefined);
        assert.equal(asked, 1, 'a refused picture is not fetched again');
      } else {
        // ejabberd's mod_vcard_xupdate puts the hash of the stored vCard photo in the presence instead.
        assert.equal((await mal())?.avatar, sha1(makePng(4, 4)));
        const real = await b.core.commands['avatar.occupant']({ account: b.account, room, nick: 'Mal' });
        assert.deepEqual(Buffer.from(real?.base64 ?? '', 'base64'), makePng(4, 4));
      }
      assert.equal(await b.core.commands['avatar.occupant']({ account: b.account, room, nick: 'Nobody' }), null);
      await liar.stop();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  test('a room’s avatar (its vCard, XEP-0486), set and removed by its owner, shows for its occupants', async () => {
    const [aUser, bUser] = [await newUser(at.server, 'owner'), await newUser(at.server, 'guest')];
    const [a, b] = [await startEngine(at.server, aUser), await startEngine(at.server, bUser)];
    try {
      const room = `pics-${randomBytes(4).toString('hex')}@${MUC_DOMAIN}` as BareJid;
      await a.core.commands['muc.join']({ account: a.account, room, nick: 'Owner' });
      await b.core.commands['muc.join']({ account: b.account, room, nick: 'Guest' });
      const png = makePng(48, 48);
      const seen = waitForEvent(b.core, 'avatar.changed', (e) => e.jid === room && e.hash === sha1(png));
      await assert.rejects(
        b.core.commands['avatar.setRoom']({
          account: b.account,
          room,
          image: { type: 'image/png', base64: png.toString('base64') },
        }),
        'only owners set the room’s picture',
      );
      await a.core.commands['avatar.setRoom']({
        account: a.account,
        room,
        image: { type: 'image/png', base64: png.toString('base64') },
      });
      await seen;
      // Someone joining later learns it on joining.
      const [cUser] = [await newUser(at.server, 'late')];
      const c = await startEngine(at.server, cUser);
      const later = waitForEvent(c.core, 'avatar.changed', (e) => e.jid === room && e.hash === sha1(png));
      await c.core.commands['muc.join']({ account: c.account, room, nick: 'Late' });
      await later;
      const removed = waitForEvent(c.core, 'avatar.changed', (e) => e.jid === room && e.hash === undefined);
      await a.core.commands['avatar.setRoom']({ account: a.account, room });
      await removed;
      await c.close();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
