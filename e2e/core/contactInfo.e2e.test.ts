// What a contact's client tells about itself (XEP-0092 version, XEP-0202 time, XEP-0115 capabilities verified
// by their hash and asked once per hash), and the privacy switches that stop us answering and advertising.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';
import { CLIENT_VERSION } from '../../electron/core/modules/disco/disco.ts';
import { mkdtempSync } from 'node:fs';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('a contact’s client, clock and capabilities; switched off, they are neither answered nor advertised', async () => {
  const [aUser, bUser] = [await newUser(server, 'ann'), await newUser(server, 'ben')];
  const [a, b] = [await startEngine(server, aUser, { resource: 'laptop' }), await startEngine(server, bUser)];
  const full = `${aUser.jid}/laptop`;
  try {
    await b.core.commands['console.open']({ account: b.account });
    const capsQueries: string[] = [];
    b.core.events.on('console.entry', ({ entry }) => {
      if (entry.dir === 'out' && entry.xml.includes('disco#info') && entry.xml.includes('#'))
        capsQueries.push(entry.xml);
    });
    await befriend(a, b, { name: 'Ben' }, { name: 'Ann' });
    const found = await eventually(
      () => b.core.commands['entity.caps']({ account: b.account, jid: full }),
      'Ann’s capabilities',
    );
    const caps = found ?? { features: [] as string[], identities: [] as { name: string }[] };
    assert.ok(caps.features.includes('urn:xmpp:avatar:metadata+notify'));
    assert.ok(caps.features.includes('jabber:iq:version'));
    assert.equal(caps.identities[0]?.name, 'JabberDesk');

    assert.deepEqual(await b.core.commands['entity.version']({ account: b.account, jid: full }), {
      name: 'JabberDesk',
      version: CLIENT_VERSION,
    });
    const time = await b.core.commands['entity.time']({ account: b.account, jid: full });
    assert.ok(Math.abs(Date.parse(time.utc) - Date.now()) < 60_000, 'their clock is now');
    assert.match(time.tzo, /^(Z|[+-]\d\d:\d\d)$/u);

    await a.core.commands['privacy.set']({ version: true, os: true, time: true, lastActivity: true });
    assert.ok((await b.core.commands['entity.version']({ account: b.account, jid: full })).os, 'the OS once allowed');

    // A new hash is learnt after the presence that names it: whoever shows something by it (call buttons) is told,
    // and can read the capabilities then.
    const learnt: Promise<{ features: string[] } | null>[] = [];
    b.core.events.on('caps.learnt', ({ account, jids }) => {
      if (account === b.account && jids.includes(aUser.jid))
        learnt.push(b.core.commands['entity.caps']({ account: b.account, jid: full }));
    });
    await a.core.commands['privacy.set']({ version: false, os: false, time: false, lastActivity: false });
    await assert.rejects(b.core.commands['entity.version']({ account: b.account, jid: full }), {
      condition: 'service-unavailable',
    });
    await assert.rejects(b.core.commands['entity.time']({ account: b.account, jid: full }), {
      condition: 'service-unavailable',
    });
    await assert.rejects(b.core.commands['presence.lastActivity']({ account: b.account, jid: full }), {
      condition: 'service-unavailable',
    });
    const fewer = await eventually(async () => {
      const now = await b.core.commands['entity.caps']({ account: b.account, jid: full });
      return now && !now.features.includes('jabber:iq:version') ? now : undefined;
    }, 'the new capabilities without version');
    assert.ok(fewer && !fewer.features.includes('urn:xmpp:time'));
    await eventually(() => Promise.resolve(learnt.length > 0), 'the event that Ann’s new capabilities are known');
    const told = await learnt[0];
    assert.ok(told && !told.features.includes('jabber:iq:version'), 'the new capabilities are there when told');
    assert.ok(fewer && !fewer.features.includes('jabber:iq:last'));

    // Back as before: the first hash is known, so it is not asked for again.
    const asked = capsQueries.length;
    await a.core.commands['privacy.set']({ version: true, os: false, time: true, lastActivity: true });
    await eventually(
      async () =>
        (await b.core.commands['entity.caps']({ account: b.account, jid: full }))?.features.includes(
          'jabber:iq:version',
        ),
      'the first capabilities again',
    );
    assert.equal(capsQueries.length, asked, 'a known hash is not asked again');
    // The first hash is our own client's too (learnt from our own presence before the console opened);
    // the new one was asked once.
    assert.equal(asked, 1, `one question per new hash: ${capsQueries.join('\n')}`);
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
});

test('verified capabilities are kept across a restart: a known client is not asked again', async () => {
  const dir = mkdtempSync(`${server.base}/caps-`);
  const [aUser, bUser] = [await newUser(server, 'cara'), await newUser(server, 'dan')];
  const a = await startEngine(server, aUser, { resource: 'desk' });
  const first = await startEngine(server, bUser, { databasePath: `${dir}/b.sqlite` });
  const full = `${aUser.jid}/desk`;
  try {
    await befriend(a, first, { name: 'Dan' }, { name: 'Cara' });
    await eventually(() => first.core.commands['entity.caps']({ account: first.account, jid: full }), 'learnt once');
  } finally {
    await first.close();
  }
  const secrets = createMemorySecretStore();
  await secrets.set(`password:${bUser.jid}`, bUser.password);
  await secrets.set(`certificate-pin:${bUser.jid}`, server.fingerprint);
  const second = new Core({ databasePath: `${dir}/b.sqlite`, secrets });
  try {
    await second.commands['console.open']({ account: bUser.jid });
    const asked: string[] = [];
    second.events.on('console.entry', ({ entry }) => {
      if (entry.dir === 'out' && entry.xml.includes('disco#info') && entry.xml.includes('#')) asked.push(entry.xml);
    });
    await second.commands['account.connect']({ account: bUser.jid });
    const caps = await eventually(
      () => second.commands['entity.caps']({ account: bUser.jid, jid: full }),
      'Cara’s capabilities after the restart',
    );
    assert.ok(caps?.features.includes('jabber:iq:version'));
    // Her presence is in: a question about her hash would have gone before it was answered from the cache.
    assert.deepEqual(asked, []);
  } finally {
    await Promise.all([second.close(), a.close()]);
  }
});
