// OpenPGP in the app: the chat's encryption picked from its header, the padlock naming the protocol, each
// message's mark with the signing key and trust, the encryption dialog with OMEMO devices and OpenPGP
// keys side by side, the key in the settings (backup code shown), and an OTR contact told apart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { befriend, newUser, rawClient, startEngine } from '../helpers/accounts.ts';
import { knowsPgpKeys } from '../helpers/openpgp.ts';
import { eventually } from '../helpers/waitFor.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { formatPgpFingerprint } from '../../shared/model/openpgp.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('a chat switched to OpenPGP: the padlock says so, messages carry the key and its trust, keys are verified in the dialog', async () => {
  const [meUser, friendUser] = [await newUser(server, 'me'), await newUser(server, 'friend')];
  const friend = await startEngine(server, friendUser);
  const app = await startApp({ sidebar: 'contacts', prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  try {
    const me = { core: app.core, account: meUser.jid, close: () => Promise.resolve() };
    await befriend(me, friend, { name: 'Friend' }, { name: 'Me' });
    await knowsPgpKeys(me, friendUser.jid);
    await knowsPgpKeys(friend, meUser.jid);
    await page.getByRole('button', { name: /^Friend/ }).click();

    await page.getByRole('button', { name: /^(Not encrypted|Encryption: OMEMO)$/u }).click();
    await app.shot('openpgp-picker');
    await page.getByRole('menuitem', { name: 'OpenPGP', exact: true }).click();
    const lock = page.getByRole('button', { name: 'Encryption: OpenPGP' });
    await lock.waitFor();
    const composer = page.getByRole('textbox', { name: 'Message', exact: true });
    await composer.fill('signed and sealed');
    await composer.press('Enter');
    const log = page.getByRole('log', { name: 'Messages with Friend' });
    await log.getByRole('img', { name: 'Sent signed and encrypted with OpenPGP' }).waitFor();
    await eventually(
      async () =>
        (await friend.core.commands['chat.history']({ account: friend.account, peer: meUser.jid })).some(
          (m) => m.body === 'signed and sealed' && m.encryption?.protocol === 'openpgp',
        ),
      'the friend to open it',
    );

    await friend.core.commands['encryption.choose']({ account: friend.account, peer: meUser.jid, protocol: 'openpgp' });
    await friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body: 'verified by key' });
    const theirs = (await friend.core.commands['openpgp.ownKey']({ account: friend.account }))?.fingerprint ?? '';
    await log.getByText('verified by key').waitFor();
    await log
      .getByRole('img', {
        name: `Signed and encrypted with OpenPGP, key ${formatPgpFingerprint(theirs)} (Trusted (not verified))`,
      })
      .waitFor();
    await app.shot('openpgp-chat');

    await page.getByRole('button', { name: 'Encryption devices' }).click();
    const dialog = page.getByRole('dialog', { name: 'Encryption with Friend' });
    const key = dialog.getByRole('listitem', { name: `Key ${theirs.slice(-8)}` });
    await key.getByText(formatPgpFingerprint(theirs)).waitFor();
    await key.getByRole('button', { name: 'Verify' }).click();
    await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Verify' }).click();
    await key.getByText('Verified').waitFor();
    await app.shot('openpgp-dialog');
    await dialog.getByRole('button', { name: 'Close' }).click();

    await page.getByRole('button', { name: 'Settings' }).click();
    const settings = page.getByRole('region', { name: 'Your OpenPGP key' });
    const own = (await app.core.commands['openpgp.ownKey']({ account: meUser.jid }))?.fingerprint ?? '';
    await settings.getByText(formatPgpFingerprint(own)).waitFor();
    await settings.getByRole('button', { name: 'Back up on the server' }).click();
    await settings
      .getByRole('status')
      .filter({ hasText: /([A-NP-Z1-9]{4}-){5}[A-NP-Z1-9]{4}/u })
      .waitFor();
    await app.shot('openpgp-settings');
  } finally {
    await Promise.all([app.close(), friend.close()]);
  }
});

test('a contact using OTR: the chat says this app does not use OTR, and OTR data never shows as text', async () => {
  const [meUser, otrUser] = [await newUser(server, 'me'), await newUser(server, 'pidgin')];
  const app = await startApp({ sidebar: 'chats', prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  const pidgin = await rawClient(server, otrUser, 'otr');
  try {
    await pidgin.send(xml('presence'));
    await pidgin.send(
      xml(
        'message',
        { to: meUser.jid, type: 'chat' },
        xml('body', {}, '?OTRv23?\nPidgin asks for an OTR conversation.'),
      ),
    );
    await pidgin.send(
      xml('message', { to: meUser.jid, type: 'chat' }, xml('body', {}, '?OTR:AAMDJ+MVmSfjFZcAAAAAAQ.')),
    );
    await page
      .getByRole('button', { name: new RegExp(otrUser.jid.split('@')[0] ?? '') })
      .first()
      .click();
    await page.getByRole('status').filter({ hasText: 'uses OTR, which this app does not use' }).waitFor();
    const log = page.getByRole('log');
    await log.getByText('Pidgin asks for an OTR conversation.').waitFor();
    await log.getByText('An OTR-encrypted message: this app does not use OTR').waitFor();
    assert.equal(await log.getByText('?OTR', { exact: false }).count(), 0, 'no OTR data as text');
    await app.shot('otr-contact');
  } finally {
    await pidgin.stop();
    await app.close();
  }
});
