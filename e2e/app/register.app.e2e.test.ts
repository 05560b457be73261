import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { startEjabberd } from '../server/ejabberd.ts';
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

test('create an account on a server that asks for a CAPTCHA: its image shown, a wrong answer gets a new one', async () => {
  const ejabberd = await startEjabberd({ captcha: true });
  const app = await startApp();
  try {
    const { page } = app;
    await page.getByRole('tab', { name: 'Create account' }).click();
    await page.getByRole('textbox', { name: 'Server' }).fill(ejabberd.domain);
    await page.getByText('Advanced').click();
    await page.getByRole('textbox', { name: 'Server host' }).fill(ejabberd.host);
    await page.getByRole('spinbutton', { name: 'Port' }).fill(String(ejabberd.ports.c2s));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByRole('alertdialog', { name: 'Untrusted certificate' })
      .getByRole('button', { name: 'Trust this certificate' })
      .click();

    const form = page.getByRole('form', { name: 'Create account' });
    const image = form.getByRole('img', { name: 'Image for Enter the text you see' });
    await image.waitFor();
    assert.ok(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0));
    const username = `pic-${randomBytes(4).toString('hex')}`;
    await form.getByRole('textbox', { name: 'Username' }).fill(username);
    await form.getByLabel('Password').fill('a fine password');
    const first = ejabberd.captchaAnswer() ?? '';
    await form.getByRole('textbox', { name: 'Enter the text you see' }).fill(`${first}9`);
    await app.shot('register-captcha');
    await form.getByRole('button', { name: 'Create account' }).click();
    await form.getByRole('alert').filter({ hasText: 'did not match the image' }).waitFor();
    const second = ejabberd.captchaAnswer() ?? '';
    assert.notEqual(second, first, 'a new image was fetched');
    assert.equal(await form.getByRole('textbox', { name: 'Username' }).inputValue(), username, 'kept');
    assert.equal(await form.getByRole('textbox', { name: 'Enter the text you see' }).inputValue(), '');
    await app.shot('register-captcha-wrong');

    await form.getByRole('textbox', { name: 'Enter the text you see' }).fill(second);
    await form.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('region', { name: 'My presence' }).waitFor({ timeout: 15_000 });
    assert.equal(app.core.runtime(`${username}@${ejabberd.domain}` as never).state.status, 'online');
  } finally {
    await app.close();
    await ejabberd.stop();
  }
});
