// Accounts, complete, on both servers: a new password set on the server (XEP-0077), the account deleted
// there after the address is typed, switched off and on, coloured and put in order.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { onEachServer } from '../server/servers.ts';

onEachServer((at) => {
  test('a new password on the server: the next login uses it, the old one is refused', async () => {
    const user = await newUser(at.server, 'pw');
    const engine = await startEngine(at.server, user);
    try {
      await engine.core.commands['account.changePassword']({ account: engine.account, password: 'a brand new one' });
      await engine.core.commands['account.disconnect']({ account: engine.account });
      await engine.core.commands['account.connect']({ account: engine.account });
      assert.equal(engine.core.runtime(engine.account).state.status, 'online', 'the saved new password logs in');
    } finally {
      await engine.close();
    }
    const old = await startEngine(at.server, user, { connect: false });
    await assert.rejects(old.core.commands['account.connect']({ account: old.account }));
    assert.equal(old.core.runtime(old.account).state.status, 'authFailed');
    await old.close();
  });

  test('deleting the account on the server needs its address typed, then removes it there and here', async () => {
    const user = await newUser(at.server, 'gone');
    const engine = await startEngine(at.server, user);
    try {
      await assert.rejects(
        engine.core.commands['account.deleteOnServer']({ account: engine.account, confirm: 'someone-else@localhost' }),
        (error: { reason?: { code: string } }) => error.reason?.code === 'confirm-mismatch',
      );
      assert.equal(engine.core.runtime(engine.account).state.status, 'online');
      await engine.core.commands['account.deleteOnServer']({ account: engine.account, confirm: user.jid });
      assert.deepEqual(await engine.core.commands['account.list']({}), []);
    } finally {
      await engine.close();
    }
    const again = await startEngine(at.server, user, { connect: false });
    await assert.rejects(again.core.commands['account.connect']({ account: again.account }));
    await again.close();
  });
});

test('accounts switched off stay off across restarts; colours and order are kept', async () => {
  const core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  try {
    for (const jid of ['one@example.org', 'two@example.org', 'three@example.org'])
      await core.commands['account.add']({ jid, password: 'x' });
    await core.commands['account.reorder']({
      accounts: ['three@example.org', 'one@example.org', 'two@example.org'] as never,
    });
    await core.commands['account.setColor']({ account: 'one@example.org' as never, color: '#12ab34' });
    await core.commands['account.setEnabled']({ account: 'two@example.org' as never, enabled: false });
    const listed = await core.commands['account.list']({});
    assert.deepEqual(
      listed.map((a) => [a.jid, a.enabled, a.color ?? '']),
      [
        ['three@example.org', true, ''],
        ['one@example.org', true, '#12ab34'],
        ['two@example.org', false, ''],
      ],
    );
    await assert.rejects(
      core.commands['account.connect']({ account: 'two@example.org' as never }),
      (error: { reason?: { code: string } }) => error.reason?.code === 'account-disabled',
    );
  } finally {
    await core.close();
  }
});
