import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, otherDevice, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('ticks to read, typing, correcting with Up, retracting, and our read marker when a message is seen', async () => {
  const [meUser, peerUser] = [await newUser(server, 'me'), await newUser(server, 'pal')];
  await makeContacts(server, meUser, peerUser, { name: 'Pal' }, { name: 'Me' });
  const peer = await startEngine(server, peerUser);
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  await page.getByRole('button', { name: /^Pal/ }).click();
  const log = page.getByRole('log', { name: 'Messages with Pal' });
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });

  await composer.fill('hello tehre');
  await composer.press('Enter');
  await log.getByRole('img', { name: 'Delivered' }).waitFor();
  const mine = await eventually(
    async () => (await peer.core.commands['chat.history']({ account: peer.account, peer: meUser.jid }))[0],
    'the peer to store the message',
  );
  assert.ok(mine);
  await peer.core.commands['chat.markDisplayed']({ account: peer.account, peer: meUser.jid, id: mine.id });
  await log.getByRole('img', { name: 'Read' }).waitFor();

  await peer.core.commands['chat.setChatState']({ account: peer.account, peer: meUser.jid, state: 'composing' });
  await page.getByRole('status').filter({ hasText: 'Pal is typing…' }).waitFor();
  await app.shot('conversation-typing');
  const reply = await peer.core.commands['chat.send']({
    account: peer.account,
    to: meUser.jid,
    body: 'hi! what did you mean?',
  });
  await log.getByText('hi! what did you mean?').waitFor();
  await page.getByRole('status').filter({ hasText: 'is typing' }).waitFor({ state: 'detached' });
  await eventually(
    () => peer.core.store.messages.get(reply.id)?.state === 'read',
    'our read marker for the seen reply',
  );

  await composer.press('ArrowUp');
  await page.getByRole('status').filter({ hasText: 'Editing your last message' }).waitFor();
  assert.equal(await composer.inputValue(), 'hello tehre');
  await composer.fill('hello there');
  await composer.press('Enter');
  await log.getByText('hello there').waitFor();
  await log.getByText('edited').waitFor();
  await eventually(() => peer.core.store.messages.get(mine.id)?.body === 'hello there', 'the correction at the peer');

  await composer.fill('this was a mistake');
  await composer.press('Enter');
  await log.getByText('this was a mistake').waitFor();
  await log
    .getByRole('img', { name: /Delivered|Read/ })
    .last()
    .waitFor();
  await log.locator('.message.own').last().hover();
  await log.getByRole('button', { name: 'More actions' }).last().click();
  await page.getByRole('menuitem', { name: 'Retract message' }).click();
  await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Retract' }).click();
  await log.getByText('This message was retracted.').waitFor();
  await eventually(
    async () =>
      (await peer.core.commands['chat.history']({ account: peer.account, peer: meUser.jid })).some((m) => m.retracted),
    'the retraction at the peer',
  );

  await peer.core.commands['chat.correct']({
    account: peer.account,
    id: reply.id,
    body: 'hi! what did you mean by that?',
  });
  await log.getByText('hi! what did you mean by that?').waitFor();
  await app.shot('conversation-edits');
  await Promise.all([app.close(), peer.close()]);
});

test("a stranger's message lands in message requests, not among contacts; blocking moves them to the blocked list", async () => {
  const [meUser, friendUser, strangerUser] = [
    await newUser(server, 'me'),
    await newUser(server, 'friend'),
    await newUser(server, 'stranger'),
  ];
  await makeContacts(server, meUser, friendUser, { name: 'Friend' }, { name: 'Me' });
  const stranger = await startEngine(server, strangerUser);
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  await page.getByRole('button', { name: /^Friend/ }).waitFor();
  await stranger.core.commands['chat.send']({ account: stranger.account, to: meUser.jid, body: 'hi, we have not met' });
  const requests = page.getByRole('region', { name: 'Message requests' });
  await requests.getByRole('button', { name: new RegExp(`Message from ${strangerUser.jid}`) }).waitFor();
  assert.equal(
    await page.getByRole('region', { name: 'Contacts' }).getByText(strangerUser.username).count(),
    0,
    'not mixed into the contacts',
  );
  await app.shot('stranger-request');
  await requests.getByRole('button', { name: new RegExp(`Message from ${strangerUser.jid}`) }).click();
  await page.getByRole('log').getByText('hi, we have not met').waitFor();
  await page
    .getByRole('region', { name: 'Message requests' })
    .filter({ hasText: 'is not in your contacts' })
    .getByRole('button', { name: 'Block' })
    .click();
  await requests
    .getByRole('button', { name: new RegExp(`Message from ${strangerUser.jid}`) })
    .waitFor({ state: 'detached' });
  await page.getByRole('button', { name: 'Settings' }).click();
  const blocked = page.getByRole('region', { name: 'Blocked accounts' });
  await blocked.getByText(strangerUser.jid).waitFor();
  await app.shot('blocked-list');
  await blocked.getByRole('button', { name: `Unblock ${strangerUser.jid}` }).click();
  await blocked.getByText('You have not blocked anyone.').waitFor();
  await Promise.all([app.close(), stranger.close()]);
});

test('an archive catch-up cut short shows a gap marker; clicking it fills the history', async () => {
  const [meUser, peerUser] = [await newUser(server, 'me'), await newUser(server, 'prolific')];
  await makeContacts(server, meUser, peerUser, { name: 'Prolific' }, { name: 'Me' });
  const phone = await otherDevice(server, meUser);
  const peer = await startEngine(server, peerUser);
  // In clear: the app is a device that did not exist when these were sent (OMEMO history would not be for it).
  await peer.core.commands['omemo.setEnabled']({ account: peer.account, peer: meUser.jid, enabled: false });
  for (let i = 0; i < 300; i++)
    await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: `archived ${i}` });
  await phone.waitFor(300);
  await phone.stop();
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), archivePageLimit: 1 });
  const { page } = app;
  await page.getByRole('button', { name: /^Prolific/ }).click();
  const gap = page.getByRole('status').filter({ hasText: 'Some messages may be missing' });
  await gap.waitFor();
  await app.shot('archive-gap');
  // The page's last messages may still be on their way into the store when the marker shows.
  await eventually(() => app.core.store.messages.count(meUser.jid) >= 250, 'the one archive page stored');
  assert.equal(app.core.store.messages.count(meUser.jid), 250);
  await gap.getByRole('button', { name: 'Load them' }).click();
  await gap.waitFor({ state: 'detached' });
  await page.getByRole('log').getByText('archived 299', { exact: true }).waitFor();
  assert.equal(app.core.store.messages.count(meUser.jid), 300);
  await Promise.all([app.close(), peer.close()]);
});
