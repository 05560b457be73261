import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser } from '../helpers/accounts.ts';
import { storeHistory } from '../helpers/history.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('a chat with 10,000 stored messages opens at the newest, keeps the DOM small and pages back to the first', async () => {
  const [meUser, peerUser] = [await newUser(server, 'me'), await newUser(server, 'talker')];
  await makeContacts(server, meUser, peerUser, { name: 'Talker' }, { name: 'Me' });
  const app = await startApp({
    prepare: async (core) => {
      await withAccount(core, server, meUser);
      storeHistory(core, meUser.jid, peerUser.jid, 10_000);
    },
  });
  const { page } = app;
  await page.getByRole('button', { name: /^Talker/ }).click();
  const log = page.getByRole('log', { name: 'Messages with Talker' });
  await log.getByText('message 9999', { exact: true }).waitFor();
  assert.ok((await log.locator('.virtual-row').count()) < 80, 'only rows near the viewport are in the DOM');

  let pages = 0;
  while (!(await log.getByText('This is the beginning of your conversation.').isVisible())) {
    await log.evaluate((el) => {
      el.scrollTop = 0;
    });
    await page.waitForTimeout(30);
    assert.ok(++pages < 2000, 'the start is reached');
  }
  await log.getByText('message 0', { exact: true }).waitFor();
  assert.ok((await log.locator('.virtual-row').count()) < 80, 'still only the visible rows');
  assert.equal((await page.evaluate(() => document.querySelectorAll('.virtual-row').length)) < 80, true);
  await app.shot('history-oldest');
  await app.close();
});
