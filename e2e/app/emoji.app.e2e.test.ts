// Emoji as a person types them: the picker (search, skin tone, recently used), ":shortcode" completion
// with Tab, and a reaction chosen in the picker — all reaching a real peer through Prosody.
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

test('the picker, :shortcode completion and a picked reaction reach the peer', async (t) => {
  const { app, friend, meUser } = await appWithFriend(server, t, { me: 'emoter', friend: 'friend' });
  const { page } = app;
  const hello = await friend.core.commands['chat.send']({
    account: friend.account,
    to: meUser.jid,
    body: 'party tonight?',
  });
  await page.getByRole('button', { name: /^Friend/ }).click();
  const box = page.getByRole('textbox', { name: 'Message', exact: true });

  await page.getByRole('button', { name: 'Insert an emoji' }).click();
  const picker = page.getByRole('dialog', { name: 'Emoji' });
  await picker.getByRole('combobox', { name: 'Skin tone' }).selectOption('3');
  await picker.getByRole('searchbox', { name: 'Search emoji' }).fill('thumbs up');
  await app.shot('emoji-picker');
  await picker.getByRole('button', { name: 'thumbs up', exact: true }).click();
  assert.equal(await box.inputValue(), '👍🏽');

  await box.press('End');
  await box.pressSequentially(' yes :birthd');
  await page.getByRole('listbox', { name: 'Emoji for :birthd' }).waitFor();
  await box.press('Tab');
  assert.equal(await box.inputValue(), '👍🏽 yes 🎂 ');
  await box.press('Enter');
  await eventually(
    async () =>
      (await friend.core.commands['chat.history']({ account: friend.account, peer: meUser.jid })).some(
        (m) => m.direction === 'in' && m.body.trim() === '👍🏽 yes 🎂',
      ),
    'the emoji text at the friend',
  );

  const theirs = page.getByRole('log', { name: 'Messages with Friend' }).locator('.message.theirs').first();
  await theirs.hover();
  await theirs.getByRole('button', { name: 'More actions' }).click();
  await page.getByRole('menuitem', { name: 'React with another emoji…' }).click();
  await page
    .getByRole('dialog', { name: 'Emoji' })
    .getByRole('searchbox', { name: 'Search emoji' })
    .fill('party popper');
  await page.getByRole('dialog', { name: 'Emoji' }).getByRole('button', { name: 'party popper' }).click();
  await eventually(
    async () =>
      (await friend.core.commands['chat.history']({ account: friend.account, peer: meUser.jid })).find(
        (m) => m.id === hello.id,
      )?.reactions?.[0]?.emojis[0] === '🎉',
    'the picked reaction at the friend',
  );
  await page.getByRole('button', { name: 'Insert an emoji' }).click();
  await page
    .getByRole('dialog', { name: 'Emoji' })
    .getByRole('region', { name: 'Recently used' })
    .getByRole('button', { name: '🎉' })
    .waitFor();
});
