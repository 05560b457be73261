import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { Locator } from 'playwright-core';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('group chat in the browser: join through the dialog, talk, see occupants, be mentioned, moderate, get invited', async () => {
  const [meUser, annaUser, benUser] = [
    await newUser(server, 'me'),
    await newUser(server, 'anna'),
    await newUser(server, 'ben'),
  ];
  const room = `team-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
  const anna = await startEngine(server, annaUser);
  await anna.core.commands['muc.join']({ account: anna.account, room, nick: 'Anna' });
  await anna.core.commands['muc.setSubject']({ account: anna.account, room, subject: 'Release planning' });
  await anna.core.commands['muc.send']({ account: anna.account, room, body: 'earlier message from the archive' });
  await anna.core.commands['muc.setAffiliation']({
    account: anna.account,
    room,
    jid: meUser.jid,
    affiliation: 'admin',
  });

  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  await page.getByRole('button', { name: 'Join a group chat' }).click();
  const dialog = page.getByRole('dialog', { name: 'Join a group chat' });
  await dialog.getByRole('button', { name: 'Browse rooms on your server' }).click();
  await dialog.getByRole('searchbox', { name: 'Search rooms' }).fill(room.split('-')[1]?.split('@')[0] ?? '');
  await dialog
    .getByRole('list', { name: 'Rooms' })
    .getByRole('button', { name: new RegExp(room) })
    .click();
  assert.equal(await dialog.getByRole('textbox', { name: 'Room address' }).inputValue(), room);
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('Anna');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await dialog.getByRole('alert').filter({ hasText: 'That nickname is in use in this room.' }).waitFor();
  assert.equal(
    await dialog.getByRole('textbox', { name: 'Nickname' }).inputValue(),
    'Anna_',
    'a free nick is suggested',
  );
  await dialog.getByRole('textbox', { name: 'Nickname' }).fill('Me');
  await dialog.getByRole('button', { name: 'Join' }).click();

  const view = page.getByRole('region', { name: room.split('@')[0] ?? '' });
  await view.getByLabel('Subject').filter({ hasText: 'Release planning' }).waitFor();
  const log = page.getByRole('log');
  await log.getByText('earlier message from the archive').waitFor();
  const occupants = page.getByRole('complementary', { name: 'Occupants' });
  await occupants.getByText(/^Anna/).waitFor();

  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('hello everyone');
  await composer.press('Enter');
  await eventually(
    async () =>
      (await anna.core.commands['chat.history']({ account: anna.account, peer: room })).some(
        (m) => m.body === 'hello everyone' && m.from === 'Me',
      ),
    'Anna to read it',
  );
  await log.getByRole('img', { name: 'Delivered' }).waitFor();
  assert.equal(await log.getByText('hello everyone').count(), 1, 'our message once');

  await anna.core.commands['muc.send']({ account: anna.account, room, body: 'Me: can you review the notes?' });
  await log.locator('.message.mention').getByText('can you review the notes?').waitFor();

  const ben = await startEngine(server, benUser);
  await ben.core.commands['muc.join']({ account: ben.account, room, nick: 'Ben' });
  await occupants.getByText(/^Ben/).waitFor();
  await ben.core.commands['muc.send']({ account: ben.account, room, body: 'spam spam spam' });
  await log.getByText('spam spam spam').waitFor();
  await app.shot('room');
  await log.locator('.message.theirs').last().hover();
  await log.getByRole('button', { name: 'More actions' }).last().click();
  await page.getByRole('menuitem', { name: 'Remove this message for everyone (moderator)' }).click();
  await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Remove' }).click();
  await eventually(
    async () =>
      (await ben.core.commands['chat.history']({ account: ben.account, peer: room })).some(
        (m) => m.body === '' && m.retracted,
      ),
    'the spam removed for Ben too',
  );
  await log.getByText('This message was retracted.').waitFor();
  const kicked = waitForEvent(ben.core, 'muc.roomChanged', (e) => e.room.state.status === 'left');
  await occupants.getByRole('button', { name: 'Show Ben' }).click();
  const card = page.getByRole('dialog', { name: 'Ben' });
  await card.getByText('Participant', { exact: true }).waitFor();
  await app.shot('occupant-card');
  await card.getByRole('textbox', { name: /Reason/u }).fill('no spam here');
  await card.getByRole('button', { name: 'Kick' }).click();
  await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Kick' }).click();
  const left = (await kicked).room.state;
  assert.equal(left.status === 'left' ? left.reason : undefined, 'kicked: no spam here', 'Ben is told why');
  await card.getByText('Ben is no longer in the room.').waitFor();
  await card.getByRole('button', { name: 'Close' }).click();
  await occupants.getByText(/^Ben/).waitFor({ state: 'detached' });

  await occupants.getByRole('button', { name: 'Private message to Anna' }).click();
  await page.getByRole('textbox', { name: 'Message', exact: true }).fill('a private word');
  await page.getByRole('textbox', { name: 'Message', exact: true }).press('Enter');
  await eventually(
    async () =>
      (await anna.core.commands['chat.history']({ account: anna.account, peer: `${room}/Me` as BareJid })).some(
        (m) => m.body === 'a private word',
      ),
    'the private message at Anna',
  );
  await page
    .getByRole('region', { name: 'Group chats' })
    .getByRole('button', { name: new RegExp(room.split('@')[0] ?? '') })
    .click();

  const other = `other-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
  await ben.core.commands['muc.join']({ account: ben.account, room: other, nick: 'Ben' });
  await ben.core.commands['muc.invite']({ account: ben.account, room: other, jid: meUser.jid, reason: 'side project' });
  const invitation = page.getByRole('alert').filter({ hasText: `invites you to ${other}` });
  await invitation.waitFor();
  await app.shot('room-invitation');
  await invitation.getByRole('button', { name: 'Join' }).click();
  await page.getByRole('dialog', { name: 'Join a group chat' }).getByRole('button', { name: 'Join' }).click();
  await page
    .getByRole('region', { name: 'Group chats' })
    .getByRole('button', { name: new RegExp(other.split('@')[0] ?? '') })
    .waitFor();
  await Promise.all([app.close(), anna.close(), ben.close()]);
});

test('creating a configured room opens its own form first; a change made there takes effect', async () => {
  const meUser = await newUser(server, 'owner');
  const room = `club-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  await page.getByRole('button', { name: 'Join a group chat' }).click();
  const join = page.getByRole('dialog', { name: 'Join a group chat' });
  await join.getByRole('textbox', { name: 'Room address' }).fill(room);
  await join.getByRole('checkbox', { name: /set it up before anyone else/ }).check();
  await join.getByRole('button', { name: 'Join' }).click();
  const dialog = page.getByRole('dialog', { name: /Configuration for/ });
  await dialog.locator('.data-form').waitFor();
  const name = dialog.getByRole('textbox', { name: /title|room name/i }).first();
  await name.fill('Book club');
  await app.shot('room-settings');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  await eventually(
    async () =>
      (await app.core.commands['muc.discover']({ account: meUser.jid })).rooms.find((r) => r.jid === room)?.name ===
      'Book club',
    'the new name',
  );
  await page.getByRole('button', { name: 'Room menu' }).click();
  const lists = page.getByRole('menuitem', { name: /^Members and bans of/ });
  await lists.click();
  const listDialog = page.getByRole('dialog', { name: /^Members and bans of/ });
  await listDialog.getByRole('combobox', { name: 'List' }).selectOption('outcast');
  await listDialog.getByRole('textbox', { name: 'Jabber ID to add to this list' }).fill('troll@localhost');
  await listDialog.getByRole('button', { name: 'Add' }).click();
  await listDialog.getByText('troll@localhost').waitFor();
  assert.deepEqual(
    (await app.core.commands['muc.affiliations']({ account: meUser.jid, room, affiliation: 'outcast' })).map(
      (i) => i.jid,
    ),
    ['troll@localhost'],
  );
  await listDialog.getByRole('button', { name: 'Remove troll@localhost from this list' }).click();
  await listDialog.getByText('Nobody on this list.').waitFor();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Room menu' }).click();
  await page.getByRole('menuitem', { name: 'Change your nickname in this room' }).click();
  const nickDialog = page.getByRole('dialog', { name: 'Please confirm' });
  await nickDialog.getByRole('textbox').fill('Chair');
  await nickDialog.getByRole('button', { name: 'OK' }).click();
  await eventually(
    async () => (await app.core.commands['muc.rooms']({ account: meUser.jid }))[0]?.nick === 'Chair',
    'the new nick',
  );
  await page.getByRole('button', { name: 'Room menu' }).click();
  await page.getByRole('menuitem', { name: /^Bookmark this room/ }).click();
  await page.getByRole('button', { name: 'Room menu' }).click();
  await page.getByRole('menuitem', { name: 'Remove the bookmark' }).waitFor();
  await page.keyboard.press('Escape');
  assert.deepEqual(
    (await app.core.commands['bookmarks.list']({ account: meUser.jid })).map((b) => [b.room, b.autojoin]),
    [[room, true]],
  );
  await app.close();
});

test('a private group from the preset: the title shows at once, it is members-only; creating it again is refused in words', async () => {
  const meUser = await newUser(server, 'maker');
  const title = `Book Club ${randomBytes(2).toString('hex')}`;
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), sidebar: 'chats' });
  const { page } = app;
  const create = async (): Promise<Locator> => {
    await page.getByRole('button', { name: 'New', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Create a group chat' }).click();
    const dialog = page.getByRole('dialog', { name: 'Create a group chat' });
    await dialog.getByRole('textbox', { name: 'Title' }).fill(title);
    const address = dialog.getByRole('textbox', { name: 'Room address' });
    await eventually(async () => (await address.inputValue()).endsWith('@conference.localhost'), 'the address');
    return dialog;
  };
  const dialog = await create();
  const room = (await dialog.getByRole('textbox', { name: 'Room address' }).inputValue()) as BareJid;
  assert.match(room, /^book-club-[0-9a-f]{4}@conference\.localhost$/u);
  assert.equal(await dialog.getByRole('radio', { name: /Private group/u }).isChecked(), true, 'private by default');
  await app.shot('create-room');
  await dialog.getByRole('button', { name: 'Create' }).click();
  await dialog.waitFor({ state: 'detached' });
  await page.locator('.chat-header').getByText(title).first().waitFor();
  await page.getByRole('navigation', { name: 'Chats' }).getByText(title).waitFor();
  const config = await app.core.commands['muc.getConfig']({ account: meUser.jid, room });
  assert.deepEqual(config.fields.find((f) => f.var === 'muc#roomconfig_membersonly')?.values, ['1']);

  const again = await create();
  await again.getByRole('button', { name: 'Create' }).click();
  const error = again.getByRole('alert');
  await error.getByText('A room with this address exists already.', { exact: false }).waitFor();
  await error.getByText('Details').click();
  await error.getByText(`${room} exists already`).waitFor();
  await app.shot('create-room-exists');
  await app.close();
});
