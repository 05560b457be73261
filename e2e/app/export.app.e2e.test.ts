// Exporting a chat as a person does: from the chat's menu, as plain text and as JSON, saved as a download.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import type { ChatMessage } from '../../shared/model/message.ts';
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

test('a chat exports as text and as JSON with every message, through a download', async (t) => {
  const [meUser, friendUser] = [await newUser(server, 'archivist'), await newUser(server, 'writer')];
  await makeContacts(server, meUser, friendUser, { name: 'Writer' }, { name: 'Archivist' });
  const friend = await startEngine(server, friendUser);
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), sidebar: 'chats' });
  t.after(async () => {
    await app.close();
    await friend.close();
  });
  const { page } = app;
  await friend.core.commands['omemo.setEnabled']({ account: friend.account, peer: meUser.jid, enabled: false });
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
