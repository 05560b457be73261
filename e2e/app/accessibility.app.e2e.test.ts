// Every main screen, in both themes, scanned with axe-core for WCAG 2 AA problems (contrast, names,
// roles): the chat list, a chat with messages, the contacts, a room, settings and search.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';

import { scanAccessibility } from './axe.ts';

import { appWithFriend } from './friendChat.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('the main screens meet WCAG 2 AA in the light and the dark theme', async (t) => {
  const { app, meUser, send } = await appWithFriend(server, t, { me: 'looker', friend: 'friend' });
  const room = `a11y-${Date.now()}@conference.localhost` as BareJid;
  const { page } = app;
  await send('hello there');
  await app.core.commands['muc.join']({ account: meUser.jid, room, nick: 'Looker' });
  const problems: string[] = [];
  for (const theme of ['light', 'dark'] as const) {
    await page.getByRole('button', { name: '⚙ Settings' }).click();
    await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
    problems.push(...(await scanAccessibility(page, `${theme} settings`)));
    await page.getByRole('button', { name: 'Close' }).click();

    const list = page.getByRole('navigation', { name: 'Chats' });
    await list.getByRole('button', { name: /^Friend/ }).click();
    await page.getByRole('log', { name: 'Messages with Friend' }).getByText('hello there').waitFor();
    await page.getByRole('textbox', { name: 'Message', exact: true }).fill(`from me in ${theme}`);
    await page.keyboard.press('Enter');
    await page.getByRole('log', { name: 'Messages with Friend' }).getByText(`from me in ${theme}`).waitFor();
    problems.push(...(await scanAccessibility(page, `${theme} chat`)));

    await list.getByRole('button', { name: new RegExp(`^${room.split('@')[0]}`) }).click();
    await page.locator('.room-view').waitFor();
    problems.push(...(await scanAccessibility(page, `${theme} room`)));

    await page.keyboard.press('Control+Shift+F');
    await page.getByRole('searchbox', { name: 'Search for words' }).fill('hello');
    await page.getByRole('list', { name: 'Results' }).getByText('hello there').waitFor();
    problems.push(...(await scanAccessibility(page, `${theme} search`)));
    await page.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('tab', { name: 'Contacts' }).click();
    await page.getByRole('navigation', { name: 'Contacts' }).waitFor();
    problems.push(...(await scanAccessibility(page, `${theme} contacts`)));
    await page.getByRole('tab', { name: /^Chats/ }).click();
  }
  assert.deepEqual(problems, []);
});
