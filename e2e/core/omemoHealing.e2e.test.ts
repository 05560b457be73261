// OMEMO sessions that heal: the session a pre-key message opened is completed with an empty message, so the
// sender's next message is a normal one; a session lost on one side is rebuilt from a fresh bundle after a
// message fails (which stays visibly unreadable), and the next message decrypts.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice } from '../helpers/omemo.ts';
import { eventually } from '../helpers/waitFor.ts';

const WIRE = {
  legacy: { ns: 'eu.siacs.conversations.axolotl', preKey: /prekey=["'](true|1)["']/u, sessions: 'omemo_sessions' },
  v2: { ns: 'urn:xmpp:omemo:2', preKey: /kex=["'](true|1)["']/u, sessions: 'omemo2_sessions' },
};
let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

for (const version of ['v2', 'legacy'] as const)
  test(`${version}: a pre-key session is completed by an empty message; a lost session is rebuilt after one failed message`, async () => {
    const { ns: NS_OMEMO, preKey, sessions } = WIRE[version];
    const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
    const alice = await omemoDevice(server, aliceUser, 'laptop');
    const bob = await omemoDevice(server, bobUser, 'laptop');
    try {
      await befriend(alice, bob, { name: 'Bob' }, { name: 'Alice' });
      await knowsDevices(alice, bobUser.jid, [bob.deviceId]);
      // Both engines speak both versions and choose OMEMO 2; as with a legacy-only peer, Alice forgets Bob's v2 list.
      if (version === 'legacy') alice.core.store.db.exec('UPDATE omemo_devices SET active2 = 0');
      // What reaches Bob's device with a payload: whether its key is a pre-key one.
      const toBob: boolean[] = [];
      await bob.core.commands['console.open']({ account: bob.account });
      bob.core.events.on('console.entry', ({ entry }) => {
        if (entry.dir !== 'in' || !entry.xml.includes(NS_OMEMO) || !entry.xml.includes('<payload')) return;
        const key = new RegExp(`<key[^>]*rid=["']${bob.deviceId}["'][^>]*>`, 'u').exec(entry.xml)?.[0] ?? '';
        toBob.push(preKey.test(key));
      });
      let emptyFromBob = 0;
      await alice.core.commands['console.open']({ account: alice.account });
      alice.core.events.on('console.entry', ({ entry }) => {
        if (
          entry.dir === 'in' &&
          entry.xml.includes(`<encrypted xmlns="${NS_OMEMO}"`) &&
          !entry.xml.includes('<payload') &&
          entry.xml.includes(bobUser.jid)
        )
          emptyFromBob++;
      });

      await alice.core.commands['chat.send']({ account: alice.account, to: bobUser.jid, body: 'first' });
      await eventually(() => bob.inbox.some((m) => m.body === 'first'), 'Bob reads the first message');
      assert.equal(toBob.at(-1), true, 'the first message opens the session');
      await eventually(() => emptyFromBob > 0, 'Bob’s empty message completing the session');
      // Seen on the wire is not yet read: wait until Alice has opened everything that arrived.
      await new Promise<void>((resolve) => alice.core.runtime(alice.account).modules.encryption.afterPending(resolve));
      const before = toBob.length;
      await alice.core.commands['chat.send']({ account: alice.account, to: bobUser.jid, body: 'second' });
      await eventually(() => bob.inbox.some((m) => m.body === 'second'), 'Bob reads the second message');
      await eventually(() => toBob.length > before, 'the second message on the wire');
      assert.equal(toBob.at(-1), false, 'the session is complete: no pre-key message');

      // Bob loses his session with Alice's device: her next message fails, and says so; the session is rebuilt.
      bob.core.store.db.exec(`DELETE FROM ${sessions}`);
      await alice.core.commands['chat.send']({ account: alice.account, to: bobUser.jid, body: 'into the void' });
      const failed = await eventually(
        () => bob.inbox.find((m) => m.direction === 'in' && m.encryption?.error !== undefined),
        'the failed message, shown as unreadable',
      );
      assert.equal(failed?.body, '');
      await eventually(() => emptyFromBob > 1, 'Bob’s empty message on a new session');
      await new Promise<void>((resolve) => alice.core.runtime(alice.account).modules.encryption.afterPending(resolve));
      await alice.core.commands['chat.send']({ account: alice.account, to: bobUser.jid, body: 'healed' });
      await eventually(() => bob.inbox.some((m) => m.body === 'healed'), 'the next message decrypts again', 20_000);
    } finally {
      await Promise.all([alice.close(), bob.close()]);
    }
  });

test('two devices that start their session at the same moment (crossing key exchanges) read everything', async () => {
  const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
  const alice = await omemoDevice(server, aliceUser, 'laptop');
  const bob = await omemoDevice(server, bobUser, 'laptop');
  try {
    await befriend(alice, bob, { name: 'Bob' }, { name: 'Alice' });
    await knowsDevices(alice, bobUser.jid, [bob.deviceId]);
    await knowsDevices(bob, aliceUser.jid, [alice.deviceId]);
    for (let round = 0; round < 4; round++)
      await Promise.all([
        alice.core.commands['chat.send']({ account: alice.account, to: bobUser.jid, body: `to bob ${round}` }),
        bob.core.commands['chat.send']({ account: bob.account, to: aliceUser.jid, body: `to alice ${round}` }),
      ]);
    const read = (engine: typeof alice, prefix: string) =>
      engine.inbox.filter((m) => m.direction === 'in' && m.body.startsWith(prefix)).length;
    await eventually(() => read(bob, 'to bob') === 4 && read(alice, 'to alice') === 4, 'every message read');
    for (const engine of [alice, bob])
      assert.deepEqual(
        engine.inbox.filter((m) => m.direction === 'in' && m.encryption?.error).map((m) => m.encryption?.error),
        [],
        'nothing unreadable',
      );
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});
