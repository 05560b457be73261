// Replies and reactions as a person uses them, against a real peer engine through Prosody: reply from
// the hover toolbar, quotes above replies (click jumps), reactions both ways, the details dialog.
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

test('reply, react, see their reply and reaction, jump to the quoted message, open details', async (t) => {
  const { app, friend, meUser } = await appWithFriend(server, t, { me: 'me', friend: 'friend' });
  const { page } = app;
  const question = await friend.core.commands['chat.send']({
    account: friend.account,
    to: meUser.jid,
    body: 'Shall we meet at 5?',
  });
  await page.getByRole('button', { name: /^Friend/ }).click();
  const log = page.getByRole('log', { name: 'Messages with Friend' });
  await log.getByText('Shall we meet at 5?').hover();
  await log.getByRole('button', { name: 'Reply', exact: true }).click();
  await page.getByRole('status').getByText('Replying to Friend').waitFor();
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('Yes, see you there');
  await page.keyboard.press('Enter');

  const atFriend = await eventually(
    async () =>
      (await friend.core.commands['chat.history']({ account: friend.account, peer: meUser.jid })).find(
        (m) => m.direction === 'in',
      ),
    'the reply at the friend',
  );
  assert.equal(atFriend?.body, 'Yes, see you there', 'the fallback quote is not part of the text');
  assert.equal(atFriend?.replyTo?.id, question.originId ?? question.id);
  await log.getByRole('button', { name: 'In reply to Friend: show that message' }).waitFor();

  const theirs = log.locator('.message.theirs').first();
  await theirs.hover();
  await theirs.getByRole('button', { name: 'React with 👍' }).click();
  await eventually(
    async () =>
      (await friend.core.commands['chat.history']({ account: friend.account, peer: meUser.jid })).find(
        (m) => m.id === question.id,
      )?.reactions?.[0]?.emojis[0] === '👍',
    'our 👍 at the friend',
  );
  await log.getByRole('button', { name: /^👍 1: You$/u }).waitFor();

  await friend.core.commands['message.react']({ account: friend.account, id: atFriend?.id ?? '', emojis: ['❤️'] });
  await log.getByRole('button', { name: `❤️ 1: ${friend.account}` }).waitFor();
  await friend.core.commands['chat.send']({
    account: friend.account,
    to: meUser.jid,
    body: 'Great, bring cake',
    replyTo: atFriend?.id,
  });
  await log.getByText('Great, bring cake', { exact: true }).waitFor();
  const quote = log.getByRole('button', { name: 'In reply to You: show that message' });
  await quote.click();
  await log.locator('.message.highlighted').getByText('Yes, see you there').waitFor();

  await log.getByText('Great, bring cake', { exact: true }).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Details' }).click();
  const details = page.getByRole('dialog', { name: 'Message details' });
  await details.getByText('Not encrypted').waitFor();
  await app.shot('message-details');
  await details.getByRole('button', { name: 'Close' }).click();
  await app.shot('replies-reactions');
});
