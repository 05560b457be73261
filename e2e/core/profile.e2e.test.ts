// Profiles (XEP-0292) and nicknames (XEP-0172) on both servers: ours published and read back by a contact,
// the nickname naming us in their roster and in a stranger's subscription request, vCard-temp as fallback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import type { Profile } from '../../shared/model/profile.ts';
import { befriend, newUser, rawClient, startEngine } from '../helpers/accounts.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';
import { onEachServer } from '../server/servers.ts';

const ADA: Profile = {
  fullName: 'Ada Lovelace',
  nickname: 'Ada',
  email: 'ada@example.org',
  phone: '+442079460958',
  url: 'https://example.org/ada',
  organisation: 'Analytical Engines',
  note: 'Likes engines.',
  birthday: '1815-12-10',
};

onEachServer((at) => {
  test('our profile and nickname reach a contact; a stranger’s request carries our nickname', async () => {
    const [aUser, bUser, cUser] = [
      await newUser(at.server, 'ada'),
      await newUser(at.server, 'bob'),
      await newUser(at.server, 'cat'),
    ];
    const [a, b, c] = [
      await startEngine(at.server, aUser),
      await startEngine(at.server, bUser),
      await startEngine(at.server, cUser),
    ];
    try {
      await befriend(a, b, { name: '' }, { name: '' });
      await eventually(
        async () =>
          (await a.core.commands['roster.list']({ account: a.account })).find((i) => i.jid === b.account)
            ?.subscription === 'both',
        'both subscriptions',
      );
      await a.core.commands['profile.setOwn']({ account: a.account, profile: ADA });
      assert.deepEqual(await a.core.commands['profile.own']({ account: a.account }), ADA);
      await eventually(
        async () =>
          (await b.core.commands['roster.list']({ account: b.account })).find((i) => i.jid === a.account)?.nick ===
          'Ada',
        'Ada’s nickname in Bob’s roster',
      );
      assert.deepEqual(await b.core.commands['profile.get']({ account: b.account, jid: a.account }), ADA);

      const asked = waitForEvent(c.core, 'roster.subscriptionRequested', (e) => e.from === a.account);
      await a.core.commands['presence.subscribe']({ account: a.account, jid: c.account });
      assert.equal((await asked).nick, 'Ada');
      const request = (await c.core.commands['roster.list']({ account: c.account })).find((i) => i.jid === a.account);
      assert.equal(request?.nick, 'Ada');
      assert.equal(request?.pendingIn, true);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  test('a contact with only a vCard-temp is read from it', async () => {
    const [bUser, dUser] = [await newUser(at.server, 'bob'), await newUser(at.server, 'dot')];
    const b = await startEngine(at.server, bUser);
    try {
      const old = await rawClient(at.server, dUser, 'old-client');
      await old.sendReceive(
        xml(
          'iq',
          { type: 'set', id: 'vc' },
          xml(
            'vCard',
            { xmlns: 'vcard-temp' },
            xml('FN', {}, 'Dorothy Vaughan'),
            xml('ORG', {}, xml('ORGNAME', {}, 'NACA')),
            xml('EMAIL', {}, xml('USERID', {}, 'dot@example.org')),
          ),
        ),
      );
      await old.stop();
      const profile = await b.core.commands['profile.get']({ account: b.account, jid: dUser.jid });
      assert.equal(profile.fullName, 'Dorothy Vaughan');
      assert.equal(profile.organisation, 'NACA');
      assert.equal(profile.email, 'dot@example.org');
    } finally {
      await b.close();
    }
  });
});
