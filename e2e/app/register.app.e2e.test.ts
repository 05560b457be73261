import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser } from '../helpers/accounts.ts';
import { startApp } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test("create an account from the app: the server's own form and errors, then logged in", async () => {
  const taken = await newUser(server, 'taken');
  const app = await startApp();
  const { page } = app;
  await page.getByRole('tab', { name: 'Create account' }).click();
  await page.getByRole('textbox', { name: 'Server' }).fill(server.domain);
  await page.getByText('Advanced').click();
  await page.getByRole('textbox', { name: 'Server host' }).fill(server.host);
  await page.getByRole('spinbutton', { name: 'Port' }).fill(String(server.ports.c2s));
  await page.getByRole('button', { name: 'Continue' }).click();

  const prompt = page.getByRole('alertdialog', { name: 'Untrusted certificate' });
  assert.equal(await prompt.locator('code.fingerprint').innerText(), server.fingerprint);
  await prompt.getByRole('button', { name: 'Trust this certificate' }).click();

  const form = page.getByRole('form', { name: 'Create account' });
  await form.getByRole('textbox', { name: 'Username' }).fill(taken.username);
  await form.getByLabel('Password').fill('a fine password');
  await app.shot('register-form');
  await form.getByRole('button', { name: 'Create account' }).click();
  await form.getByRole('alert').filter({ hasText: 'already taken' }).waitFor();
  await app.shot('register-taken');

  const username = `fresh-${randomBytes(4).toString('hex')}`;
  await form.getByRole('textbox', { name: 'Username' }).fill(username);
  await form.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('region', { name: 'My presence' }).waitFor({ timeout: 15_000 });
  const jid = `${username}@${server.domain}`;
  assert.ok((await page.getByRole('region', { name: 'My presence' }).innerText()).includes(jid));
  assert.equal(app.core.runtime(jid as never).state.status, 'online');
  await app.shot('register-done');
  await app.close();
});
