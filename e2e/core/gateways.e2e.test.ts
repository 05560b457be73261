// Gateways (XEP-0100) through the real Prosody, with a gateway component that behaves as spectrum2 and
// slidge do: found in disco, registered with its form, its legacy contacts arrive (XEP-0144) and talk,
// a stranger's roster suggestions are refused, and unregistering takes the gateway's contacts away.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';
import { type FakeGateway, LEGACY_CONTACTS, startFakeGateway } from '../helpers/fakeGateway.ts';

const GATEWAY = { domain: 'legacy.localhost', secret: randomBytes(8).toString('hex') };
const ROGUE = { domain: 'rogue.localhost', secret: randomBytes(8).toString('hex') };
let server: ProsodyServer;
let gateway: FakeGateway;
let rogue: FakeGateway;
before(async () => {
  server = await startProsody({ externalComponents: [GATEWAY, ROGUE] });
  gateway = await startFakeGateway(server.ports.component ?? 0, GATEWAY.domain, GATEWAY.secret);
  rogue = await startFakeGateway(server.ports.component ?? 0, ROGUE.domain, ROGUE.secret);
});
after(async () => {
  gateway.close();
  rogue.close();
  await server.stop();
});

const legacy = (local: string): BareJid => `${local}@${GATEWAY.domain}` as BareJid;

test('register with a gateway: its contacts arrive, talk, and leave with it', async () => {
  const user = await newUser(server);
  const engine = await startEngine(server, user);
  const { core, account } = engine;
  try {
    const info = await core.commands['disco.info']({ account, jid: GATEWAY.domain });
    assert.deepEqual(info.identities[0], { category: 'gateway', type: 'telegram', name: 'Legacy Gateway' });

    const form = await core.commands['gateway.form']({ account, jid: GATEWAY.domain as BareJid });
    assert.equal(form.registered, false);
    assert.deepEqual(
      form.fields.filter((f) => f.type !== 'hidden').map((f) => [f.name, f.type, f.required]),
      [
        ['login', 'text', true],
        ['password', 'password', true],
      ],
    );
    await assert.rejects(
      core.commands['gateway.register']({ account, jid: GATEWAY.domain as BareJid, fields: { login: 'ada' } }),
      { condition: 'not-acceptable' },
    );
    await core.commands['gateway.form']({ account, jid: GATEWAY.domain as BareJid });
    await core.commands['gateway.register']({
      account,
      jid: GATEWAY.domain as BareJid,
      fields: { login: 'me-on-legacy', password: 'legacy-secret' },
    });
    assert.deepEqual(gateway.registrations.get(user.jid), { login: 'me-on-legacy', password: 'legacy-secret' });
    assert.deepEqual(await core.commands['gateway.list']({ account }), [
      { jid: GATEWAY.domain, type: 'telegram', name: 'Legacy Gateway' },
    ]);

    // The gateway's own presence, then its contacts by roster item exchange, subscribed both ways.
    await eventually(async () => {
      const roster = await core.commands['roster.list']({ account });
      const names = LEGACY_CONTACTS.map((c) => roster.find((i) => i.jid === legacy(c.local))?.name);
      return names.every(Boolean) && roster.some((i) => i.jid === GATEWAY.domain) ? roster : undefined;
    }, 'the gateway and its contacts in the roster');
    const roster = await core.commands['roster.list']({ account });
    assert.deepEqual(roster.find((i) => i.jid === legacy('ada'))?.groups, ['Legacy']);
    await eventually(
      async () =>
        (await core.commands['presence.list']({ account })).find((p) => p.jid === legacy('grace'))?.resources.length,
      'a legacy contact online',
    );

    const answer = waitForEvent(core, 'message.added', (e) => e.peer === legacy('ada') && e.direction === 'in');
    await core.commands['chat.send']({ account, to: legacy('ada'), body: 'hello over there' });
    assert.equal((await answer).body, 'Got it: hello over there');
    assert.deepEqual(gateway.delivered, [[legacy('ada'), 'hello over there']]);

    assert.equal(
      await core.commands['gateway.translate']({ account, jid: GATEWAY.domain as BareJid, address: 'Linus T' }),
      legacy('linust'),
    );
    assert.equal((await core.commands['gateway.form']({ account, jid: GATEWAY.domain as BareJid })).registered, true);

    // A gateway cannot slip someone from elsewhere into the roster; a gateway we never joined cannot either.
    gateway.suggest(user.jid, [
      { jid: 'mallory@localhost', name: 'Mallory' },
      { jid: legacy('linus'), name: 'Linus' },
    ]);
    rogue.suggest(user.jid, [{ jid: `eve@${ROGUE.domain}`, name: 'Eve' }]);
    gateway.suggest(user.jid, [{ jid: 'trudy@localhost', name: 'Trudy' }], `${GATEWAY.domain}/spoof`);
    await eventually(
      async () => (await core.commands['roster.list']({ account })).some((i) => i.jid === legacy('linus')),
      'the gateway’s own suggestion',
    );
    const after = (await core.commands['roster.list']({ account })).map((i) => i.jid);
    for (const stranger of ['mallory@localhost', `eve@${ROGUE.domain}`, 'trudy@localhost'])
      assert.ok(!after.includes(stranger as BareJid), `${stranger} was not added`);

    await core.commands['gateway.unregister']({ account, jid: GATEWAY.domain as BareJid });
    assert.equal(gateway.registrations.has(user.jid), false);
    assert.deepEqual(await core.commands['gateway.list']({ account }), []);
    await eventually(
      async () =>
        !(await core.commands['roster.list']({ account })).some(
          (i) => i.jid === GATEWAY.domain || i.jid.endsWith(`@${GATEWAY.domain}`),
        ),
      'the gateway and its contacts gone from the roster',
    );
  } finally {
    await engine.close();
  }
});
