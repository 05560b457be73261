import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';
import { startApp } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('the banner: an untrusted certificate is reviewed and trusted, a changed password is fixed from the main window', async () => {
  const user = await newUser(server, 'known');
  const app = await startApp({
    prepare: async (core) => {
      await core.commands['account.add']({
        jid: user.jid,
        password: 'outdated',
        host: server.host,
        port: server.ports.c2s,
      });
      await core.commands['account.connect']({ account: user.jid }).catch(() => undefined);
    },
  });
  const { page } = app;
  const certificate = page.getByRole('alert').filter({ hasText: 'The server certificate is not trusted.' });
  await certificate.getByRole('button', { name: 'Review certificate' }).click();
  const dialog = page.getByRole('dialog', { name: 'Untrusted certificate' });
  assert.equal(await dialog.locator('code.fingerprint').innerText(), server.fingerprint);
  await app.shot('banner-certificate');
  await dialog.getByRole('button', { name: 'Trust this certificate' }).click();

  const auth = page.getByRole('alert').filter({ hasText: 'Authentication failed' });
  await auth.waitFor({ timeout: 15_000 });
  await app.shot('banner-auth-failed');
  await auth.getByRole('button', { name: 'Change password' }).click();
  const password = page.getByRole('dialog', { name: `Change password for ${user.jid}` });
  await password.getByLabel('Password').fill(user.password);
  await password.getByRole('button', { name: 'Save and connect' }).click();
  await auth.waitFor({ state: 'detached', timeout: 15_000 });
  await eventually(() => app.core.runtime(user.jid).state.status === 'online', 'the account to be online');
  await page.getByRole('status').filter({ hasText: 'Connecting' }).waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('alert').count(), 0);
  await app.close();
});

test('unread counts: a message to a chat that is not open shows a badge, opening the chat clears it', async () => {
  const [meUser, aUser, bUser] = [
    await newUser(server, 'me'),
    await newUser(server, 'anna'),
    await newUser(server, 'ben'),
  ];
  const me = await startEngine(server, meUser);
  const anna = await startEngine(server, aUser);
  const ben = await startEngine(server, bUser);
  await befriend(me, anna, { name: 'Anna' }, { name: 'Me' });
  await befriend(me, ben, { name: 'Ben' }, { name: 'Me' });
  await me.close();
  const app = await startApp({
    prepare: async (core) => {
      await core.commands['account.add']({
        jid: meUser.jid,
        password: meUser.password,
        host: server.host,
        port: server.ports.c2s,
      });
      await core.commands['account.trustCertificate']({ account: meUser.jid, fingerprint: server.fingerprint });
      await core.commands['account.connect']({ account: meUser.jid });
    },
  });
  const { page } = app;
  await page.getByRole('button', { name: /^Anna, Online/ }).click();
  await ben.core.commands['chat.send']({ account: ben.account, to: meUser.jid, body: 'psst' });
  await ben.core.commands['chat.send']({ account: ben.account, to: meUser.jid, body: 'are you there?' });
  await page.getByRole('button', { name: /^Ben, Online, 2 unread/ }).waitFor();
  await app.shot('unread');
  await anna.core.commands['chat.send']({ account: anna.account, to: meUser.jid, body: 'seen at once' });
  await page.getByRole('log', { name: 'Messages with Anna' }).getByText('seen at once').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Anna.*unread/ }).count(), 0, 'the open chat does not count');
  await page.getByRole('button', { name: /^Ben/ }).click();
  await page.getByRole('log', { name: 'Messages with Ben' }).getByText('are you there?').waitFor();
  await page.getByRole('button', { name: /^Ben, Online$/ }).waitFor();
  await Promise.all([app.close(), anna.close(), ben.close()]);
});
