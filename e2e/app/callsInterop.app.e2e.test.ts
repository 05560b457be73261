// Calls with an independent implementation: the app (Chromium with fake devices, its engine behind the
// bridge) and a Jingle peer on slixmpp + aiortc, through Prosody; and relay-only through a private coturn
// whose credentials Prosody hands out (XEP-0215). Media counted on both sides.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { startCoturn, type TurnServer } from '../server/coturn.ts';
import { makeContacts, newUser } from '../helpers/accounts.ts';
import { type CallPeer, startCallPeer } from '../helpers/callPeer.ts';
import { eventually } from '../helpers/waitFor.ts';
import { type AppUnderTest, startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
let turn: TurnServer;
before(async () => {
  turn = await startCoturn();
  server = await startProsody({ turn: { host: turn.host, port: turn.port, secret: turn.secret } });
});
after(async () => {
  await server.stop();
  await turn.stop();
});

const panel = (page: Page) => page.getByTestId('call-panel');
const attribute = async (page: Page, name: string): Promise<string> =>
  (await panel(page)
    .getAttribute(name, { timeout: 1000 })
    .catch(() => null)) ?? '';

async function setUp(t: { after(fn: () => Promise<unknown>): void }, options: { relayOnly?: boolean } = {}) {
  const [meUser, peerUser] = [await newUser(server, 'me'), await newUser(server, 'aiortc')];
  await makeContacts(server, meUser, peerUser, { name: 'Peer' }, { name: 'Me' });
  const peer = await startCallPeer(server, peerUser, options);
  t.after(() => peer.stop());
  const app = await startApp({
    prepare: (core) => withAccount(core, server, meUser),
    sidebar: 'contacts',
    media: true,
  });
  t.after(() => app.close());
  // What the app's engine said of its calls, for a failing test's message.
  const changes: string[] = [];
  app.core.events.on('call.changed', ({ call }) =>
    changes.push(`${call.phase}${call.reason ? `:${call.reason}` : ''}`),
  );
  return { app, peer, meUser, changes };
}

/** The call panel is up after the click; if not, says what the engine knows. */
async function callShown(app: AppUnderTest): Promise<void> {
  try {
    await panel(app.page).waitFor({ timeout: 30_000 });
  } catch {
    const calls = await app.core.commands['call.list']({});
    const accounts = await app.core.commands['account.list']({});
    throw new Error(
      `no call panel; calls ${JSON.stringify(calls)}; accounts ${JSON.stringify(accounts.map((a) => a.state))}`,
    );
  }
}

async function mediaFlows(page: Page, peer: CallPeer, video: boolean, changes: string[]): Promise<void> {
  try {
    await eventually(async () => (await attribute(page, 'data-phase')) === 'active', 'the call is active', 30_000);
    await eventually(async () => Number(await attribute(page, 'data-audio-packets')) > 50, 'audio at the app', 30_000);
    if (video)
      await eventually(
        async () => Number(await attribute(page, 'data-frames-decoded')) > 20,
        'video at the app',
        30_000,
      );
    await eventually(() => peer.frames().audio > 50, 'audio frames at the peer', 30_000);
    if (video) await eventually(() => peer.frames().video > 20, 'video frames at the peer', 30_000);
  } catch (error) {
    const path = await attribute(page, 'data-path');
    const counts = `app audio ${await attribute(page, 'data-audio-packets')}, peer ${JSON.stringify(peer.frames())}`;
    const said = `the app's calls: ${changes.join(' → ')} (path ${path}, ${counts}); the peer said:\n${peer.log().slice(-4000)}`;
    throw new Error(`${error instanceof Error ? error.message : String(error)}; ${said}`);
  }
}

test('the app calls the independent peer (audio + video); frames flow both ways; hanging up ends it there', async (t) => {
  const { app, peer, changes } = await setUp(t);
  await app.page.getByRole('button', { name: /^Peer/ }).first().click();
  const button = app.page.getByRole('button', { name: 'Start a video call with Peer' });
  await button.waitFor({ timeout: 30_000 });
  await button.click();
  await callShown(app);
  await mediaFlows(app.page, peer, true, changes);
  await app.page.getByRole('button', { name: 'Hang up' }).click();
  await eventually(() => peer.events.some((e) => e.event === 'ended'), 'the peer saw the hang-up', 20_000);
});

test('the independent peer calls the app (audio + video); it is answered in the app; the peer hangs up', async (t) => {
  const { app, peer, meUser, changes } = await setUp(t);
  await app.page.getByRole('button', { name: /^Peer/ }).first().waitFor();
  await peer.call(meUser.jid, true);
  await panel(app.page).getByText('Incoming video call from Peer').waitFor({ timeout: 30_000 });
  await panel(app.page).getByRole('button', { name: 'Answer' }).click();
  await mediaFlows(app.page, peer, true, changes);
  peer.hangup();
  await panel(app.page).getByRole('heading', { name: 'Peer hung up' }).waitFor({ timeout: 20_000 });
});

test('relay only: both sides use TURN credentials from the server; the selected pair is relay-relay', async (t) => {
  const { app, peer, changes } = await setUp(t, { relayOnly: true });
  // The privacy switch, as a person sets it in the settings.
  await app.page.getByRole('button', { name: /Settings/ }).click();
  await app.page.getByRole('checkbox', { name: /Calls only through the server’s relay/ }).check();
  await app.page.keyboard.press('Escape');
  await app.page.getByRole('button', { name: /^Peer/ }).first().click();
  const button = app.page.getByRole('button', { name: 'Start an audio call with Peer' });
  await button.waitFor({ timeout: 30_000 });
  await button.click();
  await callShown(app);
  await mediaFlows(app.page, peer, false, changes);
  await eventually(async () => (await attribute(app.page, 'data-path')) === 'relay-relay', 'a relay pair', 20_000);
  assert.equal(await attribute(app.page, 'data-path'), 'relay-relay');
  await app.page.getByRole('button', { name: 'Hang up' }).click();
});
