// Automatic away with XEP-0319 idle time: contacts see "away since …", the chosen presence is kept,
// and coming back restores it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('idle: contacts see automatic away with the idle time; the chosen presence stays and comes back', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'dozer'), await newUser(server, 'watcher')];
  const [a, b] = [await startEngine(server, aUser, { resource: 'desk' }), await startEngine(server, bUser)];
  t.after(() => Promise.all([a.close(), b.close()]));
  await befriend(a, b, { name: 'Watcher' }, { name: 'Dozer' });
  const seen = async () =>
    (await b.core.commands['presence.list']({ account: b.account })).find((p) => p.jid === a.account)?.resources[0];
  await eventually(async () => (await seen())?.show === 'online', 'a online at b');

  const since = Date.now() - 10 * 60_000;
  await a.core.commands['presence.setIdle']({ account: a.account, show: 'away', since });
  const away = await eventually(async () => {
    const r = await seen();
    return r?.show === 'away' ? r : undefined;
  }, 'automatic away at b');
  assert.equal(away?.idleSince, since);
  const account = (await a.core.commands['account.list']({})).find((x) => x.id === a.account);
  assert.equal(account?.presence.show, 'online', 'the chosen presence is kept');

  await a.core.commands['presence.setIdle']({ account: a.account });
  const back = await eventually(async () => {
    const r = await seen();
    return r?.show === 'online' ? r : undefined;
  }, 'back online at b');
  assert.equal(back?.idleSince, undefined);

  // A presence the user chose (Do not disturb) is not overridden by automatic away.
  await a.core.commands['presence.set']({ account: a.account, show: 'dnd' });
  await eventually(async () => (await seen())?.show === 'dnd', 'dnd at b');
  await a.core.commands['presence.setIdle']({ account: a.account, show: 'xa', since });
  await a.core.commands['presence.set']({ account: a.account, show: 'dnd', status: 'focus' });
  await eventually(async () => (await seen())?.status === 'focus', 'the later presence at b');
  assert.equal((await seen())?.show, 'dnd');
});

test('last activity (XEP-0012): a contact asks our idle time, a stranger is refused, and an offline contact has a last logout', async (t) => {
  const users = [await newUser(server, 'lazy'), await newUser(server, 'asker'), await newUser(server, 'nosy')];
  const [a, b, c] = [
    await startEngine(server, users[0]!, { resource: 'desk' }),
    await startEngine(server, users[1]!),
    await startEngine(server, users[2]!),
  ];
  t.after(() => Promise.all([a.close(), b.close(), c.close()]));
  await befriend(a, b, { name: 'Asker' }, { name: 'Lazy' });
  const full = `${a.account}/desk`;
  await eventually(
    async () => (await b.core.commands['presence.list']({ account: b.account })).some((p) => p.jid === a.account),
    'a online at b',
  );
  const active = await b.core.commands['presence.lastActivity']({ account: b.account, jid: full });
  assert.ok(active.seconds < 5, `just active: ${active.seconds}`);

  await a.core.commands['presence.setIdle']({ account: a.account, show: 'away', since: Date.now() - 12 * 60_000 });
  const idle = await b.core.commands['presence.lastActivity']({ account: b.account, jid: full });
  assert.ok(idle.seconds >= 12 * 60 && idle.seconds < 13 * 60, `idle for 12 min: ${idle.seconds}`);

  await assert.rejects(c.core.commands['presence.lastActivity']({ account: c.account, jid: full }), /forbidden/u);

  await a.core.commands['presence.set']({ account: a.account, show: 'online', status: 'gone fishing' });
  await a.core.commands['account.disconnect']({ account: a.account });
  await eventually(
    async () =>
      !(await b.core.commands['presence.list']({ account: b.account })).some(
        (p) => p.jid === a.account && p.resources.length > 0,
      ),
    'a offline at b',
  );
  const gone = await b.core.commands['presence.lastActivity']({ account: b.account, jid: a.account });
  assert.ok(gone.seconds < 60, `left moments ago: ${gone.seconds}`);
});
