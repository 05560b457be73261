// Avatars in the app: ours chosen from a file, its square chosen and published; a contact's picture shown
// wherever their letter was (contact list, chat list, chat header, messages); our profile and nickname.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import type { BareJid } from '../../shared/model/jid.ts';
import { makeContacts, newUser, startEngine } from '../helpers/accounts.ts';
import { makePng } from '../helpers/png.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('our avatar from a picture file reaches a contact; theirs replaces their letter everywhere', async () => {
  const [meUser, friendUser] = [await newUser(server, 'me'), await newUser(server, 'friend')];
  await makeContacts(server, meUser, friendUser, { name: 'Friend' }, { name: 'Me' });
  const friend = await startEngine(server, friendUser);
  const app = await startApp({ sidebar: 'contacts', prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  try {
    const picture = makePng(240, 160);
    await friend.core.commands['avatar.setOwn']({
      account: friend.account,
      image: { type: 'image/png', base64: makePng(64, 64).toString('base64') },
    });
    const contact = page.getByRole('button', { name: /^Friend/ });
    await contact.locator('img.avatar-image').waitFor();
    await friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body: 'new picture!' });
    await contact.click();
    await page.getByText('new picture!').waitFor();
    await page.locator('.chat-header img.avatar-image').waitFor();
    await app.shot('avatar-contact');

    // The contact card: their client, clock, capabilities, presence, encryption devices.
    await page.getByRole('button', { name: 'Contact details' }).click();
    const card = page.getByRole('dialog', { name: 'Friend' });
    const device = card.getByRole('listitem', { name: /^JabberDesk/u });
    await card.getByText('JabberDesk 0.1.0').waitFor();
    await card.getByText(/\d\d:\d\d \(UTC/u).waitFor();
    await card.getByText(/\d+ features/u).waitFor();
    await card.getByText('You see each other’s presence').waitFor();
    assert.ok(await device.count());
    await app.shot('contact-card');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Settings' }).click();
    const section = page.getByRole('region', { name: 'Avatar' });
    await section.getByLabel('Choose a picture').setInputFiles({
      name: 'holiday.png',
      mimeType: 'image/png',
      buffer: picture,
    });
    await section.getByRole('img', { name: 'The new avatar' }).waitFor();
    await section.getByRole('slider', { name: 'Zoom' }).fill('1.5');
    await app.shot('avatar-crop');
    const reached = waitForEvent(friend.core, 'avatar.changed', (e) => e.jid === meUser.jid && e.hash !== undefined);
    await section.getByRole('button', { name: 'Use as avatar' }).click();
    await section.getByRole('status').filter({ hasText: 'now see this avatar' }).waitFor();
    const { hash } = await reached;
    const image = await friend.core.commands['avatar.get']({ hash: hash ?? '' });
    const bytes = Buffer.from(image?.base64 ?? '', 'base64');
    assert.equal(createHash('sha1').update(bytes).digest('hex'), hash);
    assert.equal(bytes.readUInt32BE(16), 192, 'scaled to 192 px');
    assert.equal(bytes.readUInt32BE(20), 192, 'square');
    await section.locator('img.avatar-image').waitFor();
    await app.shot('avatar-own');

    const profile = page.getByRole('form', { name: 'Profile' });
    await profile.getByRole('textbox', { name: 'Full name' }).fill('Me Myself');
    await profile.getByRole('textbox', { name: 'Nickname' }).fill('Holiday Me');
    await profile.getByRole('textbox', { name: 'About you' }).fill('Back on Monday.');
    await profile.getByRole('button', { name: 'Save profile' }).click();
    await profile.getByRole('status').filter({ hasText: 'Your profile is saved' }).waitFor();
    await profile.scrollIntoViewIfNeeded();
    await app.shot('profile-saved');
    await eventually(
      async () =>
        (await friend.core.commands['roster.list']({ account: friend.account })).find((i) => i.jid === meUser.jid)
          ?.nick === 'Holiday Me',
      'the nickname at the contact',
    );
    const seen = await friend.core.commands['profile.get']({ account: friend.account, jid: meUser.jid });
    assert.equal(seen.note, 'Back on Monday.');
  } finally {
    await app.close();
    await friend.close();
  }
});

test('in a room: an occupant’s own picture beside its name and messages; the owner sets the room’s picture', async () => {
  const [meUser, piaUser] = [await newUser(server, 'me'), await newUser(server, 'pia')];
  const pia = await startEngine(server, piaUser);
  const app = await startApp({ sidebar: 'contacts', prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  try {
    const room = `faces-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
    await app.core.commands['muc.join']({ account: meUser.jid, room, nick: 'Me' });
    await pia.core.commands['avatar.setOwn']({
      account: pia.account,
      image: { type: 'image/png', base64: makePng(64, 64).toString('base64') },
    });
    await pia.core.commands['muc.join']({ account: pia.account, room, nick: 'Pia' });
    await pia.core.commands['muc.send']({ account: pia.account, room, body: 'hello with my face' });

    await page
      .getByRole('region', { name: 'Group chats' })
      .getByRole('button', { name: new RegExp(room.split('@')[0] ?? '') })
      .click();
    const occupants = page.getByRole('complementary', { name: 'Occupants' });
    await occupants.getByRole('button', { name: 'Show Pia' }).locator('img.avatar-image').waitFor();
    const log = page.getByRole('log');
    await log
      .locator('.message.theirs')
      .filter({ hasText: 'hello with my face' })
      .locator('img.avatar-image')
      .waitFor();
    await app.shot('avatar-occupant');

    await page.getByRole('button', { name: 'Room menu' }).click();
    await page.getByRole('menuitem', { name: 'Room settings' }).click();
    const section = page.getByRole('region', { name: 'Room picture' });
    await section
      .getByLabel('Choose a picture')
      .setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: makePng(120, 120) });
    await section.getByRole('img', { name: 'The new avatar' }).waitFor();
    const seen = waitForEvent(pia.core, 'avatar.changed', (e) => e.jid === room && e.hash !== undefined);
    await section.getByRole('button', { name: 'Use as room picture' }).click();
    await section.getByRole('status').filter({ hasText: 'Everyone in the room now sees this picture.' }).waitFor();
    await app.shot('avatar-room-settings');
    assert.match((await seen).hash ?? '', /^[0-9a-f]{40}$/u);
    await page.keyboard.press('Escape');
    await page.locator('.chat-header img.avatar-image').waitFor();
  } finally {
    await Promise.all([app.close(), pia.close()]);
  }
});
