// Exporting a chat as a person does: from the chat's menu, as plain text and as JSON, saved as a download.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ChatMessage } from '../../shared/model/message.ts';
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

test('a chat exports as text and as JSON with every message, through a download', async (t) => {
  const { app, friend, meUser, friendUser } = await appWithFriend(server, t, {
    me: 'archivist',
    friend: 'writer',
  });
  const { page } = app;
  for (const body of ['first line', 'second\nwith a break', 'third <b>not markup</b>'])
    await friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body });
  await eventually(async () => (await app.core.commands['export.count']({})) === 3, 'three stored');

  const exportAs = async (format: 'Plain text' | 'JSON'): Promise<string> => {
    await page.getByRole('button', { name: 'Options for Writer' }).click();
    await page.getByRole('menuitem', { name: 'Export chat…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export messages' });
    await dialog.getByRole('combobox', { name: 'Format' }).selectOption({ label: format });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      dialog.getByRole('button', { name: 'Export and save' }).click(),
    ]);
    await dialog.getByText('3 of 3 messages').waitFor();
    await dialog.getByRole('button', { name: 'Close' }).click();
    return readFileSync((await file.path()) ?? '', 'utf8');
  };
  const text = await exportAs('Plain text');
  assert.match(text, new RegExp(`^== ${friendUser.jid} \\(${meUser.jid}\\) ==\\n`, 'u'));
  assert.match(text, /: first line\n/u);
  assert.match(text, /: second\n {4}with a break\n/u);
  assert.match(text, /: third <b>not markup<\/b>\n$/u);
  const json = JSON.parse(await exportAs('JSON')) as ChatMessage[];
  assert.deepEqual(
    json.map((m) => m.body),
    ['first line', 'second\nwith a break', 'third <b>not markup</b>'],
  );
});
