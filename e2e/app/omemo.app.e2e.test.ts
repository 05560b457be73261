import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice } from '../helpers/omemo.ts';
import { eventually } from '../helpers/waitFor.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('encryption in the app: on by default, locks on messages, the devices dialog verifies, a new device is announced', async () => {
  const [meUser, peerUser] = [await newUser(server, 'me'), await newUser(server, 'friend')];
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  const phone = await omemoDevice(server, peerUser, 'phone');
  await befriend(
    { core: app.core, account: meUser.jid, close: () => Promise.resolve() },
    phone,
    { name: 'Friend' },
    { name: 'Me' },
  );
  await knowsDevices({ core: app.core, account: meUser.jid, close: () => Promise.resolve() }, peerUser.jid, [
    phone.deviceId,
  ]);

  await page.getByRole('button', { name: /^Friend/ }).click();
  // On by default: the contact has OMEMO devices.
  const lock = page.getByRole('button', { name: 'Encryption: OMEMO' });
  await lock.waitFor();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('only for your devices');
  await composer.press('Enter');
  const log = page.getByRole('log', { name: 'Messages with Friend' });
  // Two dual-stack clients: the mark names the version.
  await log.getByRole('img', { name: 'Sent encrypted with OMEMO 2' }).waitFor();
  await eventually(
    () => phone.inbox.some((m) => m.body === 'only for your devices' && m.encryption?.device !== undefined),
    'the phone to decrypt it',
  );

  await phone.core.commands['chat.send']({ account: phone.account, to: meUser.jid, body: 'decrypted here too' });
  await log.getByText('decrypted here too').waitFor();
  await log
    .getByRole('img', { name: `Encrypted with OMEMO 2 by device ${phone.deviceId} (Trusted (not verified))` })
    .waitFor();
  await app.shot('omemo-chat');

  // An old device of ours that is gone for good: the user takes it out of the lists.
  const me = { core: app.core, account: meUser.jid, close: () => Promise.resolve() };
  const oldLaptop = await omemoDevice(server, meUser, 'old-laptop');
  await knowsDevices(me, meUser.jid, [oldLaptop.deviceId]);
  await oldLaptop.close();

  await page.getByRole('button', { name: 'Encryption devices' }).click();
  const dialog = page.getByRole('dialog', { name: 'Encryption with Friend' });
  const own = await app.core.commands['omemo.ownDevice']({ account: meUser.jid });
  assert.ok(own);
  await dialog.getByText(own.fingerprint).waitFor();
  await dialog.getByText(own.fingerprint2).waitFor();
  assert.ok(await dialog.getByRole('img', { name: "QR code of this device's fingerprint" }).isVisible());
  const phoneItem = dialog.getByRole('listitem', { name: `Device ${phone.deviceId}` });
  const phoneFingerprint =
    (await phone.core.commands['omemo.ownDevice']({ account: phone.account }))?.fingerprint ?? '';
  await phoneItem.getByText(phoneFingerprint).waitFor();
  await phoneItem.getByText('OMEMO 2', { exact: true }).waitFor();
  await phoneItem.getByText('OMEMO', { exact: true }).waitFor();
  await phoneItem.getByRole('button', { name: 'Verify' }).click();
  await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Verify' }).click();
  await phoneItem.getByText('Verified').waitFor();
  const oldItem = dialog.getByRole('listitem', { name: `Device ${oldLaptop.deviceId}` });
  await oldItem.getByRole('button', { name: 'Remove from my devices' }).click();
  await page
    .getByRole('dialog', { name: 'Please confirm' })
    .getByRole('button', { name: 'Remove from my devices' })
    .click();
  await oldItem.getByText('No longer in use').waitFor();
  assert.equal(await oldItem.getByRole('button', { name: 'Remove from my devices' }).count(), 0);
  await app.shot('omemo-devices');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // A second device of the friend appears after verification: not trusted, and the chat says so.
  const tablet = await omemoDevice(server, peerUser, 'tablet');
  await page
    .getByRole('status')
    .filter({ hasText: '1 new device(s) of this chat are not trusted yet' })
    .waitFor({ timeout: 15_000 });
  await composer.fill('not for the new tablet');
  await composer.press('Enter');
  await log.getByRole('img', { name: /Not encrypted for 1 untrusted device/ }).waitFor();
  const atTablet = await eventually(() => tablet.inbox.find((m) => m.peer === meUser.jid), 'the tablet to get it');
  assert.equal(atTablet?.encryption?.error, 'not encrypted for this device');
  await app.shot('omemo-new-device');

  await lock.click();
  await page.getByRole('menuitem', { name: 'No encryption' }).click();
  const off = page.getByRole('button', { name: 'Not encrypted' });
  await off.waitFor();
  await composer.fill('in clear, as chosen');
  await composer.press('Enter');
  await eventually(
    () => phone.inbox.some((m) => m.body === 'in clear, as chosen' && m.encryption === undefined),
    'the phone to get it in clear',
  );
  await off.click();
  await page.getByRole('menuitem', { name: 'OMEMO' }).click();
  await lock.waitFor();
  await Promise.all([app.close(), phone.close(), tablet.close()]);
});

test('a private room shows the padlock, and what is typed there reaches the other member encrypted', async () => {
  const [meUser, hostUser] = [await newUser(server, 'me'), await newUser(server, 'host')];
  const host = await omemoDevice(server, hostUser, 'desk');
  const room = `team-${Date.now().toString(36)}@conference.localhost` as BareJid;
  await host.core.commands['muc.join']({ account: host.account, room, nick: 'Host', configure: true });
  await host.core.commands['muc.submitConfig']({
    account: host.account,
    room,
    values: { 'muc#roomconfig_membersonly': ['1'], 'muc#roomconfig_whois': ['anyone'] },
  });
  await host.core.commands['muc.setAffiliation']({
    account: host.account,
    room,
    jid: meUser.jid,
    affiliation: 'member',
  });
  const app = await startApp({
    prepare: async (core) => {
      await withAccount(core, server, meUser);
      await core.runtime(meUser.jid).modules.omemo.ready;
      await core.commands['muc.join']({ account: meUser.jid, room, nick: 'Me' });
    },
  });
  const { page } = app;
  const roomName = room.split('@')[0] ?? room;
  await page
    .getByRole('button', { name: new RegExp(roomName) })
    .first()
    .click();
  const pane = page.getByRole('region', { name: roomName });
  await pane.getByRole('button', { name: 'Turn encryption off' }).waitFor();
  const composer = pane.getByRole('textbox', { name: 'Message', exact: true });
  await composer.fill('for members only');
  await composer.press('Enter');
  await pane.getByRole('img', { name: 'Sent encrypted with OMEMO 2' }).waitFor();
  const got = await eventually(
    () => host.inbox.find((m) => m.peer === room && m.body === 'for members only'),
    'the host to decrypt it',
  );
  assert.equal(got?.from, 'Me');
  assert.ok(got?.encryption?.device);
  await app.shot('omemo-room');
  await Promise.all([app.close(), host.close()]);
});
