// Coming back to a busy chat: a "New messages" line where the unread ones start (the chat opens there),
// and while reading further up, a pill that counts what arrived below and takes the user down.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';

import { eventually } from '../helpers/waitFor.ts';

import { appWithFriend } from './friendChat.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('the unread line, the chat opening at it, and the new-messages pill', async (t) => {
  const { app, send } = await appWithFriend(server, t, { me: 'reader', friend: 'chatter' });
  const { page } = app;
  for (let i = 1; i <= 10; i++) await send(`read before ${i}`);
  const list = page.getByRole('navigation', { name: 'Chats' });
  await list.getByRole('button', { name: 'Chatter, 10 unread' }).waitFor();
  await list.getByRole('button', { name: /^Chatter/ }).click();
  await list.getByRole('button', { name: 'Chatter', exact: true }).waitFor();
  // Read, then the app is left (a reload: no chat open) while thirty more arrive.
  await page.reload();
  await list.getByRole('button', { name: 'Chatter', exact: true }).waitFor();
  for (let i = 1; i <= 30; i++) await send(`unread ${i}`);
  await list.getByRole('button', { name: 'Chatter, 30 unread' }).waitFor();
  await list.getByRole('button', { name: /^Chatter/ }).click();
  const log = page.getByRole('log', { name: 'Messages with Chatter' });
  await log.getByRole('separator').filter({ hasText: 'New messages' }).waitFor();
  await log.getByText('unread 1', { exact: true }).waitFor();
  assert.ok(await log.getByText('unread 1', { exact: true }).isVisible(), 'opened where the unread start');

  await log.hover();
  await page.mouse.wheel(0, -2000);
  await eventually(async () => (await log.evaluate((el) => el.scrollTop)) < 200, 'scrolled up');
  await send('one more');
  await send('and another');
  const pill = page.getByRole('button', { name: /^2 new/ });
  await pill.waitFor();
  await app.shot('unread-marker');
  await pill.click();
  await log.getByText('and another').waitFor();
  await pill.waitFor({ state: 'detached' });
});
