// Message search as a person uses it: Ctrl+Shift+F, words found as prefixes in every chat, a correction
// found by its new text, a click that opens the chat at an old message (older pages loaded to reach it), and
// Ctrl+F stepping through one chat's matches.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';

import { eventually } from '../helpers/waitFor.ts';

import { appWithFriend } from './friendChat.ts';

let server: ProsodyServer;
before(async () => {
  // With a full-text archive (test module), for "search older messages on the server".
  server = await startProsody({ withMamFulltext: true });
});
after(async () => {
  await server.stop();
});

test('search finds words in every chat, a correction by its new text, and opens an old message in place', async (t) => {
  const { app, friend, send } = await appWithFriend(server, t, { me: 'seeker', friend: 'talker' });
  const { page } = app;
  await send('Meet me at the harbour at dawn');
  const typo = await send('bring the lantren');
  await friend.core.commands['chat.correct']({ account: friend.account, id: typo.id, body: 'bring the lantern' });
  for (let i = 0; i < 150; i++) await send(`filler message ${i}`);
  await eventually(
    async () =>
      (await app.core.commands['search.messages']({ text: 'filler 149' })).length === 1 &&
      (await app.core.commands['search.messages']({ text: 'lantern' })).length === 1,
    'all stored at my engine',
    30_000,
  );

  await page
    .getByRole('navigation', { name: 'Chats' })
    .getByRole('button', { name: /^Talker/ })
    .waitFor();
  await page.keyboard.press('Control+Shift+F');
  const dialog = page.getByRole('dialog', { name: 'Search messages' });
  await dialog.getByRole('searchbox', { name: 'Search for words' }).fill('HARB daw');
  const results = dialog.getByRole('list', { name: 'Results' });
  await results.getByText('Meet me at the harbour at dawn').waitFor();
  assert.deepEqual(await results.locator('mark').allInnerTexts(), ['harbour', 'dawn']);
  await dialog.getByRole('searchbox', { name: 'Search for words' }).fill('lantren');
  await dialog.getByText('0 found').waitFor();
  await dialog.getByRole('searchbox', { name: 'Search for words' }).fill('lantern');
  await results.getByText('bring the lantern').waitFor();
  await dialog.getByRole('searchbox', { name: 'Search for words' }).fill('harbour');
  await results.getByText('Meet me at the harbour at dawn').waitFor();
  await app.shot('search');
  await results.getByText('Meet me at the harbour at dawn').click();

  const log = page.getByRole('log', { name: 'Messages with Talker' });
  await log.locator('.message.highlighted').getByText('Meet me at the harbour at dawn').waitFor({ timeout: 30_000 });
  await page.keyboard.press('Control+F');
  const find = page.getByRole('search', { name: 'Find in this chat' });
  await find.getByRole('searchbox', { name: 'Find in this chat' }).fill('filler 14');
  await find.getByRole('status').getByText('1 of 11').waitFor();
  const current = log.locator('.message.highlighted');
  await current.getByText('filler message 149', { exact: true }).waitFor();
  await find.getByRole('searchbox').press('Enter');
  await find.getByRole('status').getByText('2 of 11').waitFor();
  await current.getByText('filler message 148', { exact: true }).waitFor();
  await find.getByRole('searchbox').press('Shift+Enter');
  await current.getByText('filler message 149', { exact: true }).waitFor();
  await find.getByRole('searchbox').fill('harbour dawn');
  await find.getByRole('status').getByText('1 of 1').waitFor();
  await current.getByText('Meet me at the harbour at dawn').waitFor({ timeout: 30_000 });
  // The matching words themselves are marked (whole words, as the index finds them), and only they.
  const marked = (): Promise<string[]> =>
    page.evaluate(() =>
      [...((CSS.highlights as unknown as Map<string, Set<Range>>).get('find-match') ?? [])].map((r) => r.toString()),
    );
  await page.waitForFunction(
    () => ((CSS.highlights as unknown as Map<string, Set<Range>>).get('find-match')?.size ?? 0) >= 2,
  );
  assert.deepEqual([...new Set(await marked())].sort(), ['dawn', 'harbour']);
  await app.shot('find-in-chat');
  await find.getByRole('searchbox').press('Escape');
  await find.waitFor({ state: 'detached' });
  assert.deepEqual(await marked(), [], 'closing the find removes the marks');
});

test('search older messages on the server: the server finds them, a click opens the chat at that message', async (t) => {
  const { app } = await appWithFriend(
    server,
    t,
    { me: 'digger', friend: 'oldfriend', friendName: 'Old friend' },
    {
      beforeApp: async (send) => {
        await send('the treasure map is in the attic');
        for (let i = 0; i < 30; i++) await send(`chatter ${i}`);
      },
    },
  );
  const { page } = app;
  await page
    .getByRole('navigation', { name: 'Chats' })
    .getByRole('button', { name: /^Old friend/ })
    .waitFor();
  await page.keyboard.press('Control+Shift+F');
  const dialog = page.getByRole('dialog', { name: 'Search messages' });
  await dialog.getByRole('searchbox', { name: 'Search for words' }).fill('treasure');
  await dialog.getByRole('button', { name: 'Search older messages on the server' }).click();
  const onServer = dialog.getByRole('list', { name: 'Results on the server' });
  await onServer.getByText('the treasure map is in the attic').waitFor();
  await dialog.getByText('1 found on the server').waitFor();
  await app.shot('search-server');
  await onServer.getByText('the treasure map is in the attic').click();
  const log = page.getByRole('log', { name: 'Messages with Old friend' });
  await log.locator('.message.highlighted').getByText('the treasure map is in the attic').waitFor({ timeout: 30_000 });
});
