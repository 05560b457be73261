import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test("two accounts subscribe to each other and see each other's presence and resources", async () => {
  const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
  const alice = await startEngine(server, aliceUser, { resource: 'laptop' });
  const bob = await startEngine(server, bobUser, { resource: 'desk' });

  await alice.core.commands['roster.set']({
    account: alice.account,
    jid: bob.account,
    name: 'Bob',
    groups: ['Friends'],
  });
  const request = waitForEvent(bob.core, 'roster.subscriptionRequested', (e) => e.from === alice.account);
  await alice.core.commands['presence.subscribe']({ account: alice.account, jid: bob.account });
  await request;
  const pending = await bob.core.commands['roster.list']({ account: bob.account });
  assert.deepEqual(pending.find((i) => i.jid === alice.account)?.pendingIn, true);

  await bob.core.commands['presence.approve']({ account: bob.account, jid: alice.account });
  await bob.core.commands['presence.subscribe']({ account: bob.account, jid: alice.account });
  await waitForEvent(alice.core, 'roster.subscriptionRequested', (e) => e.from === bob.account);
  await alice.core.commands['presence.approve']({ account: alice.account, jid: bob.account });

  const aliceRoster = await eventually(async () => {
    const items = await alice.core.commands['roster.list']({ account: alice.account });
    return items.find((i) => i.jid === bob.account && i.subscription === 'both');
  }, 'alice to see a mutual subscription');
  assert.deepEqual(aliceRoster, {
    jid: bob.account,
    name: 'Bob',
    subscription: 'both',
    pendingOut: false,
    pendingIn: false,
    approved: false,
    groups: ['Friends'],
  });

  await bob.core.commands['presence.set']({ account: bob.account, show: 'away', status: 'At lunch', priority: 5 });
  await eventually(async () => {
    const all = await alice.core.commands['presence.list']({ account: alice.account });
    const seen = all.find((p) => p.jid === bob.account)?.resources;
    return (
      seen?.length === 1 &&
      seen[0]?.show === 'away' &&
      seen[0].status === 'At lunch' &&
      seen[0].priority === 5 &&
      seen[0].resource === 'desk'
    );
  }, 'alice to see bob away');

  // A second resource of bob's shows up beside the first, and bob's own engine sees it as its other resource.
  const bobPhone = await startEngine(server, bobUser, { resource: 'phone' });
  await eventually(async () => {
    const all = await alice.core.commands['presence.list']({ account: alice.account });
    return (
      all
        .find((p) => p.jid === bob.account)
        ?.resources.map((r) => r.resource)
        .sort()
        .join() === 'desk,phone'
    );
  }, "alice to see both of bob's resources");
  await eventually(async () => {
    const own = (await bob.core.commands['presence.list']({ account: bob.account })).find((p) => p.jid === bob.account);
    return own?.resources.some((r) => r.resource === 'phone');
  }, 'bob to see his own phone');

  await bobPhone.close();
  await eventually(async () => {
    const all = await alice.core.commands['presence.list']({ account: alice.account });
    return (
      all
        .find((p) => p.jid === bob.account)
        ?.resources.map((r) => r.resource)
        .join() === 'desk'
    );
  }, 'the phone to go offline for alice');

  await alice.core.commands['roster.set']({
    account: alice.account,
    jid: bob.account,
    name: 'Robert',
    groups: ['Work'],
  });
  await eventually(
    async () =>
      (await alice.core.commands['roster.list']({ account: alice.account })).find(
        (i) => i.name === 'Robert' && i.groups.join() === 'Work',
      ),
    'the rename',
  );
  await alice.core.commands['roster.remove']({ account: alice.account, jid: bob.account });
  await eventually(
    async () => (await alice.core.commands['roster.list']({ account: alice.account })).length === 0,
    'the removal',
  );
  await Promise.all([alice.close(), bob.close()]);
});

test('deny answers a request and clears it; pre-approval lets a later request through at once', async () => {
  const [carolUser, daveUser] = [await newUser(server, 'carol'), await newUser(server, 'dave')];
  const carol = await startEngine(server, carolUser);
  const dave = await startEngine(server, daveUser);
  const asked = waitForEvent(dave.core, 'roster.subscriptionRequested');
  await carol.core.commands['presence.subscribe']({ account: carol.account, jid: dave.account });
  await asked;
  await dave.core.commands['presence.deny']({ account: dave.account, jid: carol.account });
  assert.equal(
    (await dave.core.commands['roster.list']({ account: dave.account })).some((i) => i.pendingIn),
    false,
  );
  await eventually(
    async () =>
      (await carol.core.commands['roster.list']({ account: carol.account })).find(
        (i) => i.jid === dave.account && !i.pendingOut && i.subscription === 'none',
      ),
    'carol to see the denial',
  );

  await carol.core.commands['presence.approve']({ account: carol.account, jid: dave.account });
  await dave.core.commands['presence.subscribe']({ account: dave.account, jid: carol.account });
  await eventually(
    async () =>
      (await dave.core.commands['roster.list']({ account: dave.account })).find(
        (i) => i.jid === carol.account && i.subscription === 'to',
      ),
    'the pre-approved subscription',
  );
  await Promise.all([carol.close(), dave.close()]);
});
