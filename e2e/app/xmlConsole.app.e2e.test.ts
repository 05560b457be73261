// The XML console as a person uses it: opened from the account settings, the login shown with its
// secrets redacted, filtered, and a raw ping sent after the warning and answered.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser } from '../helpers/accounts.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('the XML console shows the stream with secrets redacted and sends a raw stanza after a warning', async (t) => {
  const user = await newUser(server, 'tinkerer');
  const app = await startApp({ prepare: (core) => withAccount(core, server, user) });
  t.after(() => app.close());
  const { page } = app;
  await page.getByRole('button', { name: /Settings/ }).click();
  await page.getByRole('button', { name: 'XML console' }).click();
  const log = page.getByRole('list', { name: 'Stream log' });
  await log.getByText(/<auth xmlns="urn:ietf:params:xml:ns:xmpp-sasl".*\[redacted\]/u).waitFor();
  assert.ok(!(await log.innerText()).includes(user.password), 'the password is not in the console');

  const raw = "<iq type='get' id='from-console' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>";
  await page.getByLabel('Send raw XML').fill(raw);
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('button', { name: 'Send anyway' }).click();
  await log.getByText(/type="result".*id="from-console"|id="from-console".*type="result"/u).waitFor();

  await page.getByRole('combobox', { name: 'Show' }).selectOption('presence');
  await log
    .getByText(/^<presence/u)
    .first()
    .waitFor();
  assert.equal(await log.getByText('from-console').count(), 0, 'the iq is filtered out');
  await page.getByRole('combobox', { name: 'Show' }).selectOption('all');

  await page.getByLabel('Send raw XML').fill('<iq type=');
  await page.getByRole('button', { name: 'Send', exact: true }).click();
  await page.getByRole('alert').getByText('This is not well-formed XML.').waitFor();
  await app.shot('xml-console');
});
