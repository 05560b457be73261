// Writing in a room as a person does: Tab completes a nick, clicking a nick mentions it, the typing
// notice sits by the composer, and after a kick there is nothing to type into.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('Tab completes nicks, a click on a nick mentions it, and a kick closes the composer', async (t) => {
  const [meUser, benUser] = [await newUser(server, 'writer'), await newUser(server, 'benedict')];
  const ben = await startEngine(server, benUser);
  const room = `composer-${Date.now()}@conference.localhost` as BareJid;
  await ben.core.commands['muc.join']({ account: ben.account, room, nick: 'Benedict' });
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), sidebar: 'chats' });
  t.after(async () => {
    await app.close();
    await ben.close();
  });
  const { page } = app;
  await app.core.commands['muc.join']({ account: meUser.jid, room, nick: 'Writer' });
  await page
    .getByRole('navigation', { name: 'Chats' })
    .getByRole('button', { name: new RegExp(`^${room.split('@')[0]}`) })
    .click();
  await ben.core.commands['muc.send']({ account: ben.account, room, body: 'hello everyone' });
  const log = page.getByRole('log', { name: /^Messages with/ });
  await log.getByText('hello everyone').waitFor();

  await page.keyboard.press('Control+K');
  const option = page
    .getByRole('listbox', { name: /./u })
    .getByRole('option', { name: new RegExp(room.split('@')[0] ?? '') });
  await option.waitFor();
  assert.ok(!(await option.innerHTML()).includes('Offline'), 'a joined room is not shown as offline');
  await page.keyboard.press('Escape');
  const box = page.getByRole('textbox', { name: 'Message', exact: true });
  await box.fill('bene');
  await box.press('Tab');
  assert.equal(await box.inputValue(), 'Benedict: ');
  await box.fill('thanks');
  await log.getByRole('button', { name: 'Benedict' }).click();
  assert.equal(await box.inputValue(), 'thanks Benedict: ');

  await ben.core.commands['chat.setChatState']({ account: ben.account, peer: room, state: 'composing' });
  await page
    .locator('.room-main > .typing')
    .getByText(/Benedict/)
    .waitFor();

  await ben.core.commands['muc.setRole']({ account: ben.account, room, nick: 'Writer', role: 'none', reason: 'test' });
  await page.getByText('You can write here again once you are back in the room.').waitFor();
  assert.equal(await box.count(), 0, 'no composer in a room we are not in');
  await app.shot('room-kicked');
});
