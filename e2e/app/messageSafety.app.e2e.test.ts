// What the user sees when an encrypted chat is tampered with: a correction in clear stays a separate,
// marked message; a retraction in clear hides the text behind a disclosure; a plain message carries an
// open padlock; a distrusted device's message waits behind a warning.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import xml from '@xmpp/xml';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, rawClient } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice } from '../helpers/omemo.ts';
import { eventually } from '../helpers/waitFor.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('tampering in an encrypted chat is shown for what it is', async (t) => {
  const [meUser, peerUser] = [await newUser(server, 'me'), await newUser(server, 'friend')];
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const phone = await omemoDevice(server, peerUser, 'phone');
  const forger = await rawClient(server, peerUser, 'forger');
  t.after(async () => {
    await forger.stop().catch(() => undefined);
    await phone.close();
    await app.close();
  });
  const me = { core: app.core, account: meUser.jid, close: () => Promise.resolve() };
  await befriend(me, phone, { name: 'Friend' }, { name: 'Me' });
  await knowsDevices(me, peerUser.jid, [phone.deviceId]);
  const { page } = app;
  await page.getByRole('button', { name: /^Friend/ }).click();
  await page.getByRole('button', { name: 'Encryption: OMEMO' }).waitFor();
  const log = page.getByRole('log', { name: 'Messages with Friend' });

  const send = async (body: string) => {
    const sent = await phone.core.commands['chat.send']({ account: phone.account, to: meUser.jid, body });
    await log.getByText(body).waitFor();
    return sent;
  };
  const corrected = await send('The meeting is at noon');
  const retracted = await send('My new number is 555-0100');
  const forge = (...children: ReturnType<typeof xml>[]) =>
    forger.send(xml('message', { to: meUser.jid, type: 'chat' }, ...children));
  await forge(
    xml('body', {}, 'The meeting is at midnight'),
    xml('replace', { xmlns: 'urn:xmpp:message-correct:0', id: corrected.originId }),
  );
  await forge(xml('retract', { xmlns: 'urn:xmpp:message-retract:1', id: retracted.originId }));
  await forge(xml('body', {}, 'plain words'));

  await log.getByText('Sent unencrypted as a correction of an encrypted message').waitFor();
  assert.ok(await log.getByText('The meeting is at noon').isVisible(), 'the original text is unchanged');
  await log.getByText('Retracted by an unencrypted request').waitFor();
  assert.equal(await log.getByText('My new number is 555-0100').isVisible(), false, 'hidden');
  const plain = log.locator('.message').filter({ hasText: 'plain words' });
  await plain.getByRole('img', { name: 'Not encrypted' }).waitFor();
  await app.shot('tampering-marked');
  await log.getByText('Show the text').click();
  await log.getByText('My new number is 555-0100').waitFor();

  await app.core.commands['omemo.setTrust']({
    account: meUser.jid,
    jid: peerUser.jid,
    device: phone.deviceId,
    trust: 'distrusted',
  });
  // Distrusted devices get nothing from us, but what they send is still decrypted and shown behind a warning.
  await phone.core.commands['chat.send']({ account: phone.account, to: meUser.jid, body: 'click this link' });
  await eventually(
    async () =>
      (await app.core.commands['chat.history']({ account: meUser.jid, peer: peerUser.jid })).some(
        (m) => m.body === 'click this link',
      ),
    'the message from the distrusted device',
  );
  const warning = log.getByRole('alert').filter({ hasText: 'which you distrust' });
  await warning.waitFor();
  assert.equal(await log.getByText('click this link').count(), 0, 'the text waits behind the warning');
  await app.shot('distrusted-device');
  await warning.getByRole('button', { name: 'Show anyway' }).click();
  await log.getByText('click this link').waitFor();
});

test("a stranger's file card makes no request until the user clicks", async (t) => {
  const [meUser, strangerUser] = [await newUser(server, 'me'), await newUser(server, 'stranger')];
  let connections = 0;
  const certs = join(server.base, 'certs');
  const files = createServer(
    { key: readFileSync(join(certs, 'localhost.key')), cert: readFileSync(join(certs, 'localhost.crt')) },
    (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/octet-stream' });
      res.end('bytes');
    },
  );
  files.on('connection', () => connections++);
  await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const stranger = await rawClient(server, strangerUser);
  t.after(async () => {
    await stranger.stop().catch(() => undefined);
    await app.close();
    files.closeAllConnections();
    files.close();
  });
  // Sent once the app is online, as a live message (the way a stranger's link usually arrives).
  await eventually(() => app.core.runtime(meUser.jid).state.status === 'online', 'the app online');
  const url = `https://127.0.0.1:${(files.address() as AddressInfo).port}/holiday.zip`;
  await stranger.send(
    xml(
      'message',
      { to: meUser.jid, type: 'chat' },
      xml('body', {}, url),
      xml('x', { xmlns: 'jabber:x:oob' }, xml('url', {}, url)),
    ),
  );
  const { page } = app;
  const requests = page.getByRole('region', { name: 'Message requests' });
  await requests.getByRole('button', { name: new RegExp(`Message from ${strangerUser.jid}`) }).click();
  const card = page.getByRole('figure', { name: 'File holiday.zip' });
  await card.waitFor();
  await card.getByText('size unknown').waitFor();
  // Another message after the card: by the time it shows, a probe of the card would have been made.
  await stranger.send(xml('message', { to: meUser.jid, type: 'chat' }, xml('body', {}, 'did you get it?')));
  await page.getByRole('log').getByText('did you get it?').waitFor();
  assert.equal(connections, 0, 'the stranger learns nothing before a click');
  await app.shot('stranger-file-card');
  await card.getByRole('button', { name: 'Download' }).click();
  await card.getByRole('button', { name: 'Save' }).waitFor();
  assert.ok(connections > 0);
});
