// The chat list as a person uses it: conversations by last activity with previews and unread counts,
// pin, mark unread, close until the next message, drafts kept across switches and a reload, and a new
// chat with any address.
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

test('the chat list: order, previews, unread, pin, mark unread, close, drafts, new chat', async (t) => {
  const [meUser, friendUser, carolUser] = [
    await newUser(server, 'lister'),
    await newUser(server, 'friend'),
    await newUser(server, 'carol'),
  ];
  await makeContacts(server, meUser, friendUser, { name: 'Friend' }, { name: 'Me' });
  await makeContacts(server, meUser, carolUser, { name: 'Carol' }, { name: 'Me' });
  const [friend, carol] = [await startEngine(server, friendUser), await startEngine(server, carolUser)];
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), sidebar: 'chats' });
  t.after(async () => {
    await app.close();
    await Promise.all([friend.close(), carol.close()]);
  });
  const { page } = app;
  for (const engine of [friend, carol])
    await engine.core.commands['omemo.setEnabled']({ account: engine.account, peer: meUser.jid, enabled: false });
  const list = page.getByRole('navigation', { name: 'Chats' });
  await list.getByText('No chats yet. Start one with +.').waitFor();

  await friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body: 'hello from friend' });
  await list.getByRole('button', { name: 'Friend, 1 unread' }).waitFor();
  await list.getByText('hello from friend').waitFor();
  await carol.core.commands['chat.send']({ account: carol.account, to: meUser.jid, body: 'carol here' });
  await list.getByRole('button', { name: 'Carol, 1 unread' }).waitFor();
  const order = async (): Promise<string[]> =>
    (await list.locator('.chat-row .contact-name').allInnerTexts()).map((s) => s.trim());
  assert.deepEqual(await order(), ['Carol', 'Friend'], 'newest first');

  await list.getByRole('button', { name: 'Options for Friend' }).click();
  await page.getByRole('menuitem', { name: 'Pin' }).click();
  await list.getByRole('button', { name: 'Friend, 1 unread, pinned' }).waitFor();
  assert.deepEqual(await order(), ['Friend', 'Carol'], 'pinned first');

  await list.getByRole('button', { name: /^Carol/ }).click();
  await page.getByRole('log', { name: 'Messages with Carol' }).getByText('carol here').waitFor();
  await list.getByRole('button', { name: 'Carol', exact: true }).waitFor();
  await page.getByRole('textbox', { name: /Message/ }).fill('an unfinished thought');
  await list.getByRole('button', { name: /^Friend/ }).click();
  await list.getByText('Draft:').waitFor();
  await list.getByText('an unfinished thought').waitFor();

  await list.getByRole('button', { name: /^Carol/ }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Mark as unread' }).click();
  await list.getByRole('button', { name: 'Carol, marked unread' }).waitFor();

  await list.getByRole('button', { name: 'Options for Friend' }).click();
  await page.getByRole('menuitem', { name: 'Close chat' }).click();
  await list.getByRole('button', { name: /^Friend/ }).waitFor({ state: 'detached' });
  await friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body: 'still there?' });
  await list.getByText('still there?').waitFor();

  await page.getByRole('button', { name: 'New' }).click();
  await page.getByRole('menuitem', { name: 'New chat' }).click();
  const address = page.getByRole('textbox', { name: 'Address' });
  await address.fill('not an address');
  await page.getByText('“not an address” is not a valid Jabber ID.').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Start chat' }).isDisabled(), true);
  await address.fill('someone.new@localhost');
  await page.getByRole('button', { name: 'Start chat' }).click();
  await page.getByRole('log', { name: 'Messages with someone.new' }).waitFor();
  await list.getByRole('button', { name: /^someone\.new@localhost/ }).waitFor();
  await app.shot('chat-list');

  await page.reload();
  await list.getByRole('button', { name: /^Carol/ }).click();
  assert.equal(await page.getByRole('textbox', { name: /Message/ }).inputValue(), 'an unfinished thought');
});
