// Accounts in the app: a new password set on the server, a second account coloured, switched off and put
// first, and an account deleted on its server after its address is typed.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('password change, colour, off and order, and deletion on the server, from the settings', async () => {
  const [first, second] = [await newUser(server, 'first'), await newUser(server, 'second')];
  const app = await startApp({
    prepare: async (core) => {
      await withAccount(core, server, first);
      await withAccount(core, server, second);
    },
  });
  const { page } = app;
  try {
    await page.getByRole('button', { name: /Settings/ }).click();
    const onServer = page.getByRole('form', { name: 'This account on its server' });
    await onServer.getByLabel('New password', { exact: true }).fill('fresh password 1');
    await onServer.getByLabel('New password again').fill('fresh password 2');
    await onServer.getByRole('button', { name: 'Change password' }).click();
    await onServer.getByRole('alert').filter({ hasText: 'differ' }).waitFor();
    await onServer.getByLabel('New password again').fill('fresh password 1');
    await onServer.getByRole('button', { name: 'Change password' }).click();
    await onServer.getByRole('status').filter({ hasText: 'new password' }).waitFor();
    const relogin = await startEngine(server, { ...first, password: 'fresh password 1' });
    assert.equal(relogin.core.runtime(relogin.account).state.status, 'online', 'the new password works');
    await relogin.close();

    const accounts = page.getByRole('region', { name: 'Accounts', exact: true });
    const secondRow = accounts.getByRole('listitem', { name: second.jid });
    await secondRow.getByLabel(`Colour of ${second.jid}`).fill('#aa3366');
    await secondRow.getByRole('checkbox', { name: 'On' }).click();
    await secondRow.getByRole('button', { name: `Move ${second.jid} up` }).click();
    await accounts.getByRole('listitem').first().filter({ hasText: second.jid }).waitFor();
    await secondRow.getByRole('checkbox', { name: 'On', checked: false }).waitFor();
    assert.equal(app.core.runtime(second.jid).state.status, 'offline', 'switched off');
    await accounts.scrollIntoViewIfNeeded();
    await app.shot('accounts-settings');
    const listed = await app.core.commands['account.list']({});
    assert.deepEqual(
      listed.map((a) => [a.jid, a.enabled, a.color ?? '']),
      [
        [second.jid, false, '#aa3366'],
        [first.jid, true, ''],
      ],
    );

    const deleteButton = onServer.getByRole('button', { name: 'Delete account on the server…' });
    await deleteButton.click();
    const confirm = page.getByRole('dialog', { name: 'Please confirm' });
    await confirm.getByRole('textbox').fill('not the address');
    await confirm.getByRole('button', { name: 'Delete account on the server…' }).click();
    await onServer.getByRole('alert').filter({ hasText: 'does not match' }).waitFor();
    await deleteButton.click();
    await confirm.getByRole('textbox').fill(first.jid);
    await confirm.getByRole('button', { name: 'Delete account on the server…' }).click();
    await page.getByRole('dialog', { name: 'Settings' }).waitFor({ state: 'detached' });
    assert.deepEqual(
      (await app.core.commands['account.list']({})).map((a) => a.jid),
      [second.jid],
    );
    const gone = await startEngine(server, { ...first, password: 'fresh password 1' }, { connect: false });
    await assert.rejects(gone.core.commands['account.connect']({ account: gone.account }));
    await gone.close();
  } finally {
    await app.close();
  }
});
