import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually, sleep, waitForEvent } from '../helpers/waitFor.ts';
import { startApp } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('first run: log in through the form, trust the certificate, chat with a peer and see presence both ways', async () => {
  const [meUser, bobUser] = [await newUser(server, 'me'), await newUser(server, 'bob')];
  await makeContacts(server, meUser, bobUser, { name: 'Bob', groups: ['Friends'] }, { name: 'Me' });
  const bob = await startEngine(server, bobUser, { resource: 'laptop' });
  await bob.core.commands['presence.set']({ account: bob.account, show: 'chat', status: 'Testing things' });

  const app = await startApp();
  const { page } = app;
  await page.getByRole('textbox', { name: 'Jabber ID' }).fill(meUser.jid);
  await page.getByLabel('Password').fill(meUser.password);
  await page.getByText('Advanced').click();
  await page.getByRole('textbox', { name: 'Server host' }).fill(server.host);
  await page.getByRole('spinbutton', { name: 'Port' }).fill(String(server.ports.c2s));
  await app.shot('login-form');
  await page.getByRole('button', { name: 'Log in' }).click();

  const prompt = page.getByRole('alertdialog', { name: 'Untrusted certificate' });
  await prompt.waitFor();
  assert.equal(await prompt.locator('code.fingerprint').innerText(), server.fingerprint);
  await app.shot('login-certificate');
  await prompt.getByRole('button', { name: 'Trust this certificate' }).click();

  const bobRow = page.getByRole('button', { name: /^Bob, Free for chat, Testing things/ });
  await bobRow.waitFor({ timeout: 15_000 });
  assert.ok(await page.getByRole('region', { name: 'Friends' }).isVisible());
  await app.shot('roster');

  await bobRow.click();
  const header = page.getByRole('list', { name: 'Online devices' });
  assert.match(await header.innerText(), /laptop[\s\S]*Testing things/);
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('first line');
  await composer.press('Shift+Enter');
  await composer.pressSequentially('second *line*');
  const arrived = waitForEvent(bob.core, 'message.added', (m) => m.direction === 'in');
  await composer.press('Enter');
  const received = await arrived;
  assert.equal(received.body, 'first line\nsecond *line*');
  assert.equal(received.peer, meUser.jid);
  const log = page.getByRole('log', { name: 'Messages with Bob' });
  await log.getByText('second').waitFor();
  assert.equal(await log.locator('strong').filter({ hasText: 'line' }).count(), 1);
  await log.getByRole('img', { name: 'Delivered' }).waitFor();

  await bob.core.commands['chat.send']({
    account: bob.account,
    to: meUser.jid,
    body: 'Got it, thanks! https://example.org/docs',
  });
  await log.getByText('Got it, thanks!').waitFor();
  const link = log.getByRole('link', { name: 'https://example.org/docs' });
  assert.equal(await link.getAttribute('target'), '_blank');
  assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
  await sleep(300);
  assert.equal(
    bob.core.store.messages.count(bob.account, meUser.jid),
    2,
    'the peer has the message once, and its own reply',
  );

  await bob.core.commands['presence.set']({ account: bob.account, show: 'away', status: 'Lunch' });
  await page.getByRole('button', { name: /^Bob, Away, Lunch/ }).waitFor();
  const seen = waitForEvent(
    bob.core,
    'presence.changed',
    (e) =>
      e.presence.jid === meUser.jid &&
      e.presence.resources.some((r) => r.show === 'dnd' && r.status === 'In a meeting'),
  );
  await page.getByRole('textbox', { name: 'Status message' }).fill('In a meeting');
  await page.getByRole('combobox', { name: 'My presence' }).selectOption('dnd');
  await seen;
  await app.shot('chat');

  await page.keyboard.press('Control+k');
  const switcher = page.getByRole('dialog', { name: 'Jump to a chat' });
  await switcher.getByRole('combobox', { name: 'Contact or chat' }).fill('bo');
  assert.equal(await switcher.getByRole('option').count(), 1);
  await page.keyboard.press('Escape');
  await switcher.waitFor({ state: 'hidden' });

  const row = await eventually(
    () => app.core.store.accounts.get(meUser.jid)?.presenceShow === 'dnd' && app.core.store.accounts.get(meUser.jid),
    'the presence to be remembered',
  );
  assert.equal(row && row.presenceStatus, 'In a meeting');
  await app.close();
  await bob.close();
});

test('a wrong password shows the error, and fixing it in the form logs in', async () => {
  const user = await newUser(server, 'forgetful');
  const app = await startApp();
  const { page } = app;
  await page.getByRole('textbox', { name: 'Jabber ID' }).fill(user.jid);
  await page.getByLabel('Password').fill('not-the-password');
  await page.getByText('Advanced').click();
  await page.getByRole('textbox', { name: 'Server host' }).fill(server.host);
  await page.getByRole('spinbutton', { name: 'Port' }).fill(String(server.ports.c2s));
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('button', { name: 'Trust this certificate' }).click();
  const error = page.getByRole('alert').filter({ hasText: 'Login failed' });
  await error.waitFor({ timeout: 15_000 });
  await app.shot('wrong-password');
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('region', { name: 'My presence' }).waitFor({ timeout: 15_000 });
  assert.equal(app.core.runtime(user.jid).state.status, 'online');
  assert.equal((await app.core.commands['account.list']({})).length, 1, 'the retry reused the account');
  await app.close();
});
