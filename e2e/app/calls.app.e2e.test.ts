// Calls as people make them: two app instances (each its engine behind the bridge, Chromium with fake
// camera and microphone) through Prosody. Media is proven by decoded frames and received audio packets
// from getStats on both sides, not by the connection state.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, startEngine } from '../helpers/accounts.ts';
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
/** The call shows as placed; if not, the failure says what the window showed instead. */
async function callStarted(page: Page, heading: RegExp): Promise<void> {
  const placed = panel(page).getByRole('heading', { name: heading });
  const refused = page.locator('.call-start-failure');
  try {
    await placed.or(refused).first().waitFor({ timeout: 20_000 });
  } catch (error) {
    const overlay =
      (await page
        .locator('.call-overlay')
        .textContent()
        .catch(() => null)) ?? 'no call overlay';
    const header =
      (await page
        .locator('.chat-header')
        .textContent()
        .catch(() => null)) ?? 'no chat header';
    throw new Error(`the call was not placed (${String(error)}); calls: ${overlay}; chat header: ${header}`);
  }
  if (await refused.isVisible()) throw new Error(`the call could not be started: ${await refused.textContent()}`);
}
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
  await callStarted(alice.page, /Calling Bob|Ringing at Bob/);
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

  // Muting tells the other side (XEP-0167 session-info).
  await panel(alice.page).getByRole('button', { name: 'Mute' }).click();
  await panel(bob.page).getByText('Alice muted their microphone').waitFor({ timeout: 20_000 });
  await panel(alice.page).getByRole('button', { name: 'Unmute' }).click();
  await panel(bob.page).getByText('Alice muted their microphone').waitFor({ state: 'detached', timeout: 20_000 });
  // Hold: nothing goes either way, and the other side is told; Resume takes it back.
  await panel(alice.page).getByRole('button', { name: 'Hold' }).click();
  await panel(bob.page).getByText('Alice put the call on hold').waitFor({ timeout: 20_000 });
  await panel(alice.page).getByText('You put the call on hold').waitFor();
  const held = await alice.page.evaluate(() =>
    Array.from(document.querySelectorAll('video')).flatMap((v) =>
      ((v.srcObject as MediaStream | null)?.getTracks() ?? []).map((track) => track.enabled),
    ),
  );
  assert.ok(held.length >= 2 && held.every((enabled) => !enabled), 'on hold, no track plays or sends');
  await panel(alice.page).getByRole('button', { name: 'Resume' }).click();
  await panel(bob.page).getByText('Alice put the call on hold').waitFor({ state: 'detached', timeout: 20_000 });

  // Another microphone picked while muted: it replaces the one sent, and stays muted. Another speaker plays.
  await panel(alice.page).getByRole('button', { name: 'Mute' }).click();
  const microphone = panel(alice.page).getByLabel('Microphone');
  const first = await microphone.inputValue();
  const other = await microphone
    .locator('option')
    .evaluateAll(
      (options, current) => options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== current),
      first,
    );
  assert.ok(other, 'the fake devices offer a second microphone');
  const localAudio = () =>
    alice.page.evaluate(() => {
      const video = document.querySelector<HTMLVideoElement>('.call-local-video');
      const track = (video?.srcObject as MediaStream | null)?.getAudioTracks()[0];
      return { id: track?.getSettings().deviceId, enabled: track?.enabled };
    });
  await microphone.selectOption(other);
  await eventually(async () => (await localAudio()).id === other, 'the new microphone in use');
  assert.equal((await localAudio()).enabled, false, 'still muted');
  const speaker = panel(alice.page).getByLabel('Speaker');
  const speakers = await speaker.locator('option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
  const last = speakers.at(-1) ?? '';
  await speaker.selectOption(last);
  await eventually(
    () => alice.page.evaluate(() => document.querySelector<HTMLVideoElement>('.call-remote-video')?.sinkId ?? ''),
    'the speaker chosen',
  ).then((sink) => assert.equal(sink, last));
  // A microphone plugged in during the call shows in the picker (the browser says so with devicechange; fake
  // devices cannot be plugged, so the page's list gains one and the event is raised as the browser would).
  await alice.page.evaluate(() => {
    const media = navigator.mediaDevices;
    const listed = media.enumerateDevices.bind(media);
    const plugged = { deviceId: 'plugged', groupId: 'plugged', kind: 'audioinput', label: 'Plugged headset' };
    media.enumerateDevices = async () => [
      ...(await listed()),
      { ...plugged, toJSON: () => plugged } as MediaDeviceInfo,
    ];
    media.dispatchEvent(new Event('devicechange'));
  });
  await microphone.locator('option', { hasText: 'Plugged headset' }).waitFor({ state: 'attached', timeout: 20_000 });
  await panel(alice.page).getByRole('button', { name: 'Unmute' }).click();

  await panel(bob.page).getByRole('button', { name: 'Hang up' }).click();
  await panel(alice.page).getByRole('heading', { name: 'Bob hung up' }).waitFor({ timeout: 20_000 });
  await panel(bob.page).getByRole('heading', { name: 'You hung up' }).waitFor({ timeout: 20_000 });
  assert.equal((await alice.core.commands['call.list']({})).length, 0);
  // The call is an entry of the chat's history, with its duration.
  await alice.page.getByText(/^📞 Video call · \d\d:\d\d/).waitFor({ timeout: 20_000 });
  await alice.shot('call-history');
});

// A stand-in for the preload's window.desktop: records notifications, and lets the test press their buttons.
const FAKE_DESKTOP = `
  const state = { notified: [], closed: [], actions: [], callWindow: [], showApp: 0 };
  window.__desktop = state;
  window.desktop = {
    info: async () => ({ settings: { closeToTray: true, startMinimized: false, startAtLogin: false, spellcheckLanguages: [] },
      trayAvailable: true, loginItemAvailable: true, spellcheckLanguages: [] }),
    setSettings: async () => window.desktop.info(),
    notify: async (n) => { state.notified.push(n); },
    closeNotification: async (tag) => { state.closed.push(tag); },
    idle: async () => ({ idleSeconds: 0, locked: false }),
    onNotificationClicked: () => () => {},
    onNotificationAction: (listener) => { state.actions.push(listener); return () => {}; },
    onCallWindow: (listener) => { state.callWindow.push(listener); return () => {}; },
    showMainWindow: async () => { state.showApp++; },
  };
`;

test('an incoming call is a system notification with Answer and Decline; Decline ends the call at the caller', async (t) => {
  const [meUser, callerUser] = [await newUser(server, 'me'), await newUser(server, 'caller')];
  await makeContacts(server, meUser, callerUser, { name: 'Caller' }, { name: 'Me' });
  const caller = await startEngine(server, callerUser);
  t.after(() => caller.close());
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), initScript: FAKE_DESKTOP });
  t.after(() => app.close());
  await app.page.getByRole('button', { name: /^Caller/ }).waitFor();
  await eventually(
    async () => (await caller.core.commands['call.capabilities']({ account: caller.account, peer: meUser.jid })).audio,
    'the app takes calls',
    20_000,
  );
  const started = await caller.core.commands['call.start']({ account: caller.account, peer: meUser.jid, video: false });
  type Shown = { tag: string; title: string; actions?: { id: string; label: string }[]; urgent?: boolean };
  const shown = (): Promise<{ notified: Shown[]; closed: string[] }> =>
    app.page.evaluate(
      () => JSON.parse(JSON.stringify((window as unknown as { __desktop: unknown }).__desktop)) as never,
    );
  const notification = await eventually(
    async () => (await shown()).notified.find((n) => n.tag === `call-${started.sid}`),
    'the call notification',
    20_000,
  );
  assert.equal(notification?.title, 'Incoming audio call from Caller');
  assert.deepEqual(
    notification?.actions?.map((a) => a.label),
    ['Answer', 'Decline'],
  );
  assert.equal(notification?.urgent, true);
  // The caller gives up: the notification goes.
  await caller.core.commands['call.hangup']({ account: caller.account, sid: started.sid });
  await eventually(async () => (await shown()).closed.includes(`call-${started.sid}`), 'the notification taken away');

  // Decline pressed on the next call's notification: the caller hears it declined.
  const again = await caller.core.commands['call.start']({ account: caller.account, peer: meUser.jid, video: true });
  const second = await eventually(
    async () => (await shown()).notified.find((n) => n.tag === `call-${again.sid}`),
    'the second call notification',
    20_000,
  );
  assert.equal(second?.title, 'Incoming video call from Caller');
  const ended = new Promise<string | undefined>((resolve) =>
    caller.core.events.on(
      'call.changed',
      ({ call }) => call.sid === again.sid && call.phase === 'ended' && resolve(call.reason),
    ),
  );
  await app.page.evaluate((tag) => {
    const state = (window as unknown as { __desktop: { actions: ((tag: string, action: string) => void)[] } })
      .__desktop;
    for (const listener of state.actions) listener(tag, 'decline');
  }, `call-${again.sid}`);
  assert.equal(await ended, 'declined');
});

test('Answer on the notification takes the call; the window closed during the call shows only the call, and its button brings the app back', async (t) => {
  const [meUser, callerUser] = [await newUser(server, 'me'), await newUser(server, 'caller')];
  await makeContacts(server, meUser, callerUser, { name: 'Caller' }, { name: 'Me' });
  const caller = await startEngine(server, callerUser);
  t.after(() => caller.close());
  const app = await startApp({
    prepare: (core) => withAccount(core, server, meUser),
    initScript: FAKE_DESKTOP,
    media: true,
  });
  t.after(() => app.close());
  const chatRow = app.page.getByRole('button', { name: /^Caller/ });
  await chatRow.waitFor();
  await eventually(
    async () => (await caller.core.commands['call.capabilities']({ account: caller.account, peer: meUser.jid })).audio,
    'the app takes calls',
    20_000,
  );
  const desktopState = (): Promise<{ notified: { tag: string }[]; showApp: number }> =>
    app.page.evaluate(
      () => JSON.parse(JSON.stringify((window as unknown as { __desktop: unknown }).__desktop)) as never,
    );
  const proceeded = new Promise<void>((resolve) => caller.core.events.on('call.offerNeeded', () => resolve()));
  const started = await caller.core.commands['call.start']({ account: caller.account, peer: meUser.jid, video: false });
  await eventually(
    async () => (await desktopState()).notified.some((n) => n.tag === `call-${started.sid}`),
    'the call notification',
    20_000,
  );
  await app.page.evaluate((tag) => {
    const state = (window as unknown as { __desktop: { actions: ((tag: string, action: string) => void)[] } })
      .__desktop;
    for (const listener of state.actions) listener(tag, 'answer');
  }, `call-${started.sid}`);
  await proceeded;
  await panel(app.page).and(app.page.locator('[data-phase="connecting"]')).waitFor({ timeout: 20_000 });

  // The main process tells the page its window was closed during the call and is now the call's own window.
  const tell = (compact: boolean) =>
    app.page.evaluate((value) => {
      const state = (window as unknown as { __desktop: { callWindow: ((compact: boolean) => void)[] } }).__desktop;
      for (const listener of state.callWindow) listener(value);
    }, compact);
  await app.page.setViewportSize({ width: 380, height: 560 });
  await tell(true);
  await chatRow.waitFor({ state: 'hidden' });
  const hangUp = app.page.getByRole('button', { name: 'Hang up' });
  await hangUp.waitFor();
  const box = await panel(app.page).boundingBox();
  assert.ok(box && box.width > 300, 'the call fills the small window');
  await app.shot('call-window');
  await app.page.getByRole('button', { name: 'Show JabberDesk' }).click();
  await eventually(async () => (await desktopState()).showApp === 1, 'the app asked for the whole window');
  await app.page.setViewportSize({ width: 1100, height: 720 });
  await tell(false);
  await chatRow.waitFor();
  assert.equal(await app.page.getByRole('button', { name: 'Show JabberDesk' }).count(), 0);

  const ended = new Promise<string | undefined>((resolve) =>
    caller.core.events.on(
      'call.changed',
      ({ call }) => call.sid === started.sid && call.phase === 'ended' && resolve(call.reason),
    ),
  );
  await hangUp.click();
  assert.equal(await ended, 'remote-hangup');
});

test('a call that stays connecting shows our camera preview after a second', async (t) => {
  const [meUser, peerUser] = [await newUser(server, 'me'), await newUser(server, 'slow')];
  await makeContacts(server, meUser, peerUser, { name: 'Slow' }, { name: 'Me' });
  // The peer's engine answers, but without a window nothing makes its side of the connection: ours stays connecting.
  const peer = await startEngine(server, peerUser);
  t.after(() => peer.close());
  peer.core.events.on('call.changed', ({ call }) => {
    if (call.phase === 'incoming') void peer.core.commands['call.accept']({ account: call.account, sid: call.sid });
  });
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), media: true });
  t.after(() => app.close());
  await eventually(
    async () => (await app.core.commands['call.capabilities']({ account: meUser.jid, peer: peerUser.jid })).video,
    'the peer takes calls',
    20_000,
  );
  const started = await app.core.commands['call.start']({ account: meUser.jid, peer: peerUser.jid, video: true });
  await eventually(
    async () => (await panel(app.page).getAttribute('data-phase')) === 'connecting',
    'the call connecting',
    20_000,
  );
  const preview = panel(app.page).locator('.call-local-video');
  await preview.waitFor({ timeout: 20_000 });
  // Our camera plays in it, and the call is still connecting.
  await eventually(
    () => preview.evaluate((v: HTMLVideoElement) => v.videoWidth > 0 && !v.paused),
    'our camera shown',
    20_000,
  );
  assert.equal(await panel(app.page).getAttribute('data-phase'), 'connecting');
  await app.core.commands['call.hangup']({ account: meUser.jid, sid: started.sid });
  await panel(app.page).locator('.call-local-video').waitFor({ state: 'detached', timeout: 20_000 });
});
