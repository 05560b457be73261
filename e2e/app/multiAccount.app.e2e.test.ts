// Two accounts at once: one chat list with both accounts' conversations in their colours, the chat
// header saying which account we write as, and unread counts per account in the account menu.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('one chat list for every account, each chat saying which account it is', async (t) => {
  const [work, home, colleague, sister] = [
    await newUser(server, 'work'),
    await newUser(server, 'home'),
    await newUser(server, 'colleague'),
    await newUser(server, 'sister'),
  ];
  await makeContacts(server, work, colleague, { name: 'Colleague' }, { name: 'Work' });
  await makeContacts(server, home, sister, { name: 'Sister' }, { name: 'Home' });
  const [c, s] = [await startEngine(server, colleague), await startEngine(server, sister)];
  const app = await startApp({
    prepare: async (core) => {
      await withAccount(core, server, work);
      await withAccount(core, server, home);
    },
    sidebar: 'chats',
  });
  t.after(async () => {
    await app.close();
    await Promise.all([c.close(), s.close()]);
  });
  const { page } = app;
  for (const [engine, to] of [
    [c, work.jid],
    [s, home.jid],
  ] as const) {
    await engine.core.commands['omemo.setEnabled']({ account: engine.account, peer: to, enabled: false });
  }
  await c.core.commands['chat.send']({ account: c.account, to: work.jid, body: 'the report is due' });
  await s.core.commands['chat.send']({ account: s.account, to: home.jid, body: 'dinner on sunday?' });
  const list = page.getByRole('navigation', { name: 'Chats' });
  await list.getByRole('button', { name: 'Sister, 1 unread' }).waitFor();
  await list.getByRole('button', { name: 'Colleague, 1 unread' }).waitFor();
  const accountMenu = page.getByRole('combobox', { name: /account/i });
  await eventually(
    async () => (await accountMenu.locator('option').allInnerTexts()).every((o) => o.endsWith('(1)')),
    'unread per account in the account menu',
  );
  const stripes = await list
    .locator('.chat-row')
    .evaluateAll((rows) => rows.map((r) => getComputedStyle(r).borderLeftColor));
  assert.equal(new Set(stripes).size, 2, 'each account its own colour');

  await list.getByRole('button', { name: /^Sister/ }).click();
  await page.locator('.chat-header').getByText(`as ${home.jid}`).waitFor();
  await app.shot('multi-account');
  await list.getByRole('button', { name: /^Colleague/ }).click();
  await page.locator('.chat-header').getByText(`as ${work.jid}`).waitFor();
});
