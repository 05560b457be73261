import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, startEngine } from '../helpers/accounts.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const HOSTILE = [
  '<img src=x onerror="window.__pwned = 1">',
  '<script>window.__pwned = 2</script><b>not bold</b>',
  'javascript:window.__pwned=3 and [click](javascript:alert(1)) and data:text/html,<script>alert(1)</script>',
  'file name: \u202Eexe.txt\u202C and \u2067isolated\u2069 end',
  `${'W'.repeat(600)} one very long word`,
];

test('hostile bodies render as inert text: no elements, no script links, long words wrap, 1 MB stays text', async () => {
  const [meUser, malloryUser] = [await newUser(server, 'me'), await newUser(server, 'mallory')];
  await makeContacts(server, meUser, malloryUser, { name: 'Mallory' }, { name: 'Victim' });
  const mallory = await startEngine(server, malloryUser);
  const app = await startApp({
    prepare: (core) => withAccount(core, server, meUser),
    viewport: { width: 1000, height: 1600 },
  });
  const { page } = app;
  await page.getByRole('button', { name: /^Mallory/ }).click();
  const log = page.getByRole('log', { name: 'Messages with Mallory' });

  const huge = `${'x'.repeat(999_990)} THE END`;
  for (const body of [huge, ...HOSTILE])
    await mallory.core.commands['chat.send']({ account: mallory.account, to: meUser.jid, body });
  await log.getByText('one very long word').waitFor({ timeout: 20_000 });
  await app.shot('hostile');

  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
  assert.equal(await log.locator('img, script, iframe, object, embed, b').count(), 0);
  const hrefs = await log.locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
  for (const href of hrefs) assert.match(href, /^(https?:|xmpp:|mailto:)/u);
  const texts = await log.locator('.styled-text').allTextContents();
  for (const body of HOSTILE.slice(0, 2)) assert.ok(texts.includes(body), `shown verbatim: ${body}`);
  assert.ok(
    texts.some((t) => t.includes('\u202Eexe.txt\u202C')),
    'bidi controls kept as text',
  );
  assert.equal(
    await log
      .locator('.styled-text')
      .first()
      .evaluate((el) => getComputedStyle(el).unicodeBidi),
    'plaintext',
  );
  const overflow = await log.evaluate((el) => el.scrollWidth - el.clientWidth);
  assert.ok(overflow <= 1, `long words wrap instead of widening the log (${overflow}px)`);
  assert.ok(
    texts.some((t) => t.length === huge.length),
    'the 1 MB body is all there',
  );
  await app.close();
  await mallory.close();
});
