import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('the server goes away: the banner counts down and retries, and a message typed meanwhile is delivered once afterwards', async () => {
  const [meUser, peerUser] = [await newUser(server, 'me'), await newUser(server, 'peer')];
  await makeContacts(server, meUser, peerUser, { name: 'Peer' }, { name: 'Me' });

  // In clear: the peer reads it on a device that does not exist yet (OMEMO would not be for it).
  const app = await startApp({
    prepare: async (core) => {
      await withAccount(core, server, meUser);
      await core.commands['omemo.setEnabled']({ account: meUser.jid, peer: peerUser.jid, enabled: false });
    },
  });
  const { page } = app;
  await page.getByRole('button', { name: /^Peer, Offline/ }).click();
  const composer = page.getByRole('textbox', { name: 'Message', exact: true });

  await server.halt();
  const banner = page.getByRole('status').filter({ hasText: 'Connection lost' });
  await banner.waitFor({ timeout: 10_000 });
  // Waited for, not sampled: between attempts the banner turns into "Connecting…" for a moment.
  await banner.getByRole('button', { name: 'Retry now' }).waitFor();
  await composer.fill('typed while the server was down');
  await composer.press('Enter');
  const log = page.getByRole('log', { name: 'Messages with Peer' });
  await log.getByRole('img', { name: 'Waiting to be sent' }).waitFor();
  await app.shot('outage-banner');
  await banner.getByRole('button', { name: 'Retry now' }).click();

  await server.start();
  await banner.waitFor({ state: 'hidden', timeout: 20_000 });
  await log.getByRole('img', { name: /^(Sent|Reached the server|Delivered)$/ }).waitFor({ timeout: 10_000 });
  await app.shot('outage-recovered');

  const peer = await startEngine(server, peerUser);
  await eventually(
    () => peer.core.store.messages.count(peer.account, meUser.jid) === 1,
    'the queued message to arrive',
  );
  const [message] = await peer.core.commands['chat.history']({ account: peer.account, peer: meUser.jid });
  assert.equal(message?.body, 'typed while the server was down');
  await sleep(500);
  assert.equal(peer.core.store.messages.count(peer.account, meUser.jid), 1, 'delivered exactly once');
  await app.close();
  await peer.close();
});
