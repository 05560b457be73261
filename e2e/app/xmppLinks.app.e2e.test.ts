// xmpp: links open inside the app (never another program), and the title counts what is unread.
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

test('xmpp: links in messages and from the system open the chat, the join and add-contact dialogs, filled in', async (t) => {
  const { app, friend, meUser, friendUser } = await appWithFriend(
    server,
    t,
    { me: 'me', friend: 'friend' },
    { sidebar: 'contacts' },
  );
  const { page } = app;
  await page.getByRole('button', { name: /^Friend/ }).waitFor();
  const [joinLink, chatLink, rosterLink, pubsubLink] = [
    'xmpp:lounge@conference.localhost?join;password=s3cret',
    `xmpp:${friendUser.jid}?message;body=Hello%20there`,
    'xmpp:carol@localhost?roster;name=Carol;group=Work',
    'xmpp:news.localhost?pubsub;action=subscribe',
  ];
  const links = [joinLink, chatLink, rosterLink, pubsubLink];
  await friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body: links.join('\n') });
  await eventually(async () => (await page.title()) === '(1) JabberDesk', 'the unread count in the title');

  await page.getByRole('button', { name: /^Friend/ }).click();
  const log = page.getByRole('log', { name: 'Messages with Friend' });
  await log.getByRole('link', { name: joinLink }).click();
  const join = page.getByRole('dialog', { name: 'Join a group chat' });
  await join.waitFor();
  assert.equal(await join.getByRole('textbox', { name: 'Room address' }).inputValue(), 'lounge@conference.localhost');
  assert.equal(await join.getByLabel('Password (if the room has one)').inputValue(), 's3cret');
  await app.shot('xmpp-link-join');
  await page.keyboard.press('Escape');

  await log.getByRole('link', { name: rosterLink }).click();
  const add = page.getByRole('dialog', { name: 'Add contact' });
  await add.waitFor();
  assert.equal(await add.getByRole('textbox', { name: 'Jabber ID' }).inputValue(), 'carol@localhost');
  assert.equal(await add.getByRole('textbox', { name: 'Name' }).inputValue(), 'Carol');
  await page.keyboard.press('Escape');

  await log.getByRole('link', { name: pubsubLink }).click();
  await page.getByRole('dialog', { name: 'XMPP link' }).getByText('asks for "pubsub"').waitFor();
  await page.keyboard.press('Escape');

  await log.getByRole('link', { name: chatLink }).click();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await eventually(async () => (await composer.inputValue()) === 'Hello there', 'the body in the composer, not sent');
  assert.equal(
    (await app.core.commands['chat.history']({ account: meUser.jid, peer: friendUser.jid })).filter(
      (m) => m.direction === 'out',
    ).length,
    0,
  );

  // A link from the system (a second start, the OS handler) arrives as an event and opens the same way.
  app.core.events.emit('app.openUri', { uri: 'xmpp:dave@localhost?subscribe' });
  const fromSystem = page.getByRole('dialog', { name: 'Add contact' });
  await fromSystem.waitFor();
  assert.equal(await fromSystem.getByRole('textbox', { name: 'Jabber ID' }).inputValue(), 'dave@localhost');
});
