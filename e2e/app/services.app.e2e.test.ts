import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { adminUser, startEngine } from '../helpers/accounts.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('the service browser shows the server as a tree; an admin command runs from it, its required fields checked first', async () => {
  const admin = await adminUser(server);
  const app = await startApp({ sidebar: 'chats', prepare: (core) => withAccount(core, server, admin) });
  const { page } = app;
  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('menuitem', { name: 'Browse services' }).click();
  const browser = page.getByRole('dialog', { name: `Services · ${admin.jid}` });
  const items = browser.getByRole('list', { name: 'Items' });
  await items.getByText('conference.localhost', { exact: true }).waitFor();
  await items.getByText('upload.localhost', { exact: true }).waitFor();
  await browser.getByText('conference/text').waitFor();
  await app.shot('service-browser');

  // Browsing another address: one nobody answers for is an error in words, not a blank tree.
  await browser.getByRole('textbox', { name: 'Address' }).fill('nothing.localhost');
  await browser.getByRole('button', { name: 'Browse', exact: true }).click();
  await browser.getByRole('alert').waitFor();
  await browser.getByRole('textbox', { name: 'Address' }).fill('localhost');
  await browser.getByRole('button', { name: 'Browse', exact: true }).click();
  await browser.getByRole('region', { name: 'localhost' }).getByRole('button', { name: 'Commands' }).first().click();

  const commands = page.getByRole('dialog', { name: 'Commands · localhost' });
  await commands.getByRole('button', { name: 'Add User' }).click();
  const form = page.getByRole('dialog', { name: 'Adding a User' });
  await form.getByRole('button', { name: 'Finish' }).click();
  await form.getByRole('alert').filter({ hasText: 'is required' }).waitFor();
  await app.shot('adhoc-required');
  const username = `made-${randomBytes(3).toString('hex')}`;
  const password = randomBytes(9).toString('base64url');
  const inputs = form.locator('input:not([type=hidden])');
  await inputs.nth(0).fill(`${username}@localhost`);
  await inputs.nth(1).fill(password);
  await inputs.nth(2).fill(password);
  await form.getByRole('button', { name: 'Finish' }).click();
  // The finished command has no form any more: the dialog is named after the address again.
  await commands.getByText('The command has finished.').waitFor();
  await commands.getByText('Account successfully created').waitFor();
  await app.shot('adhoc-done');
  const made = await startEngine(server, { username, password, jid: `${username}@localhost` as never });
  assert.equal(made.core.runtime(made.account).state.status, 'online', 'the account made from the app logs in');
  await made.close();
  await app.close();
});
