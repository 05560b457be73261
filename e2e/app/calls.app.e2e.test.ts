// Calls as people make them: two app instances (each its engine behind the bridge, Chromium with fake
// camera and microphone) through Prosody. Media is proven by decoded frames and received audio packets
// from getStats on both sides, not by the connection state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const panel = (page: Page) => page.getByTestId('call-panel');
const numberOf = async (page: Page, attribute: string): Promise<number> =>
  Number((await panel(page).getAttribute(attribute)) ?? '0');

test('a video call: it rings, is answered, frames and sound flow both ways, and hanging up ends it on both sides', async (t) => {
  const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
  await makeContacts(server, aliceUser, bobUser, { name: 'Bob' }, { name: 'Alice' });
  const alice = await startApp({
    prepare: (core) => withAccount(core, server, aliceUser),
    sidebar: 'contacts',
    media: true,
  });
  t.after(() => alice.close());
  const bob = await startApp({
    prepare: (core) => withAccount(core, server, bobUser),
    sidebar: 'contacts',
    media: true,
  });
  t.after(() => bob.close());

  await alice.page.getByRole('button', { name: /^Bob/ }).first().click();
  const videoButton = alice.page.getByRole('button', { name: 'Start a video call with Bob' });
  await videoButton.waitFor({ timeout: 30_000 });
  await videoButton.click();
  await panel(alice.page)
    .getByRole('heading', { name: /Calling Bob|Ringing at Bob/ })
    .waitFor({ timeout: 20_000 });
  const incoming = panel(bob.page).getByRole('alert');
  await incoming.getByText('Incoming video call from Alice').waitFor({ timeout: 20_000 });
  await bob.shot('call-incoming');
  await panel(bob.page).getByRole('button', { name: 'Answer' }).click();

  for (const page of [alice.page, bob.page])
    await eventually(
      async () => (await panel(page).getAttribute('data-phase')) === 'active',
      'the call is active',
      30_000,
    );
  for (const page of [alice.page, bob.page]) {
    await eventually(async () => (await numberOf(page, 'data-frames-decoded')) > 20, 'video frames decoded', 30_000);
    await eventually(async () => (await numberOf(page, 'data-audio-packets')) > 50, 'audio packets received', 30_000);
  }
  await panel(alice.page)
    .getByText(/Duration \d\d:\d\d/)
    .waitFor();
  await alice.shot('call-video');

  await panel(bob.page).getByRole('button', { name: 'Hang up' }).click();
  await panel(alice.page).getByRole('heading', { name: 'Bob hung up' }).waitFor({ timeout: 20_000 });
  await panel(bob.page).getByRole('heading', { name: 'You hung up' }).waitFor({ timeout: 20_000 });
  assert.equal((await alice.core.commands['call.list']({})).length, 0);
});
