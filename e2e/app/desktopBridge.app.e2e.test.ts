// The renderer's side of the desktop app, driven through a stand-in for the preload's window.desktop:
// notifications go to the main process (one per chat) and a click there opens the chat; the system's
// idle time and a locked screen make us away; the Desktop settings reach the shell; a contact's last
// activity shows for an offline contact.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
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

// Shaped like shared/ipc/desktop.ts's DesktopBridge; records what the page asks of the shell.
const FAKE_DESKTOP = `
  const state = { notified: [], changes: [], idle: { idleSeconds: 0, locked: false }, clicks: [],
    settings: { closeToTray: true, startMinimized: false, startAtLogin: false, spellcheckLanguages: [] } };
  window.__desktop = state;
  const info = () => ({ settings: { ...state.settings }, trayAvailable: true, loginItemAvailable: true,
    spellcheckLanguages: ['en-US', 'de', 'fr'] });
  window.desktop = {
    info: async () => info(),
    setSettings: async (change) => { state.changes.push(change); Object.assign(state.settings, change); return info(); },
    notify: async (n) => { state.notified.push(n); },
    closeNotification: async () => {},
    idle: async () => state.idle,
    onNotificationClicked: (listener) => { state.clicks.push(listener); return () => {}; },
    onNotificationAction: () => () => {},
    onCallWindow: () => () => {},
    showMainWindow: async () => {},
  };
  window.Notification = class { constructor() { state.html5 = true; } static permission = 'granted'; };
`;

interface DesktopState {
  notified: { tag: string; title: string; body: string }[];
  changes: Record<string, unknown>[];
  idle: { idleSeconds: number; locked: boolean };
  clicks: ((tag: string) => void)[];
  html5?: boolean;
}

test('desktop: notifications through the shell, click opens the chat, system idle and lock make us away, settings saved', async (t) => {
  const [meUser, friendUser] = [await newUser(server, 'desk'), await newUser(server, 'pal')];
  await makeContacts(server, meUser, friendUser, { name: 'Pal' }, { name: 'Desk' });
  const friend = await startEngine(server, friendUser);
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), initScript: FAKE_DESKTOP });
  t.after(async () => {
    await app.close();
    await friend.close();
  });
  const { page } = app;
  const desktop = (): Promise<DesktopState> =>
    page.evaluate(
      () => JSON.parse(JSON.stringify((window as unknown as { __desktop: unknown }).__desktop)) as DesktopState,
    );
  await page.getByRole('button', { name: /^Pal/ }).waitFor();
  await friend.core.commands['omemo.setEnabled']({ account: friend.account, peer: meUser.jid, enabled: false });

  for (let i = 1; i <= 3; i++)
    await friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body: `ping ${i}` });
  const note = await eventually(async () => (await desktop()).notified[0], 'a notification through the shell');
  assert.equal(note?.title, 'Pal');
  assert.equal(note?.body, '3 new messages\nping 3');
  assert.equal((await desktop()).notified.length, 1, 'one per chat');
  assert.equal((await desktop()).html5, undefined, "the browser's own notifications are not used");
  await page.evaluate(
    (tag) => (window as unknown as { __desktop: DesktopState }).__desktop.clicks.forEach((l) => l(tag)),
    note?.tag ?? '',
  );
  await page.getByRole('log', { name: 'Messages with Pal' }).getByText('ping 3').waitFor();

  const seenByFriend = async () =>
    (await friend.core.commands['presence.list']({ account: friend.account })).find((p) => p.jid === meUser.jid)
      ?.resources[0];
  await eventually(async () => (await seenByFriend())?.show === 'online', 'online at the friend');
  await page.evaluate(() => {
    (window as unknown as { __desktop: DesktopState }).__desktop.idle = { idleSeconds: 5, locked: true };
  });
  await eventually(async () => (await seenByFriend())?.show === 'away', 'away when the screen locks', 40_000);
  await page.evaluate(() => {
    (window as unknown as { __desktop: DesktopState }).__desktop.idle = { idleSeconds: 0, locked: false };
    window.dispatchEvent(new Event('focus'));
  });
  await eventually(async () => (await seenByFriend())?.show === 'online', 'back when unlocked');

  await page.getByRole('button', { name: /Settings/ }).click();
  const section = page.getByRole('region', { name: 'Desktop' });
  await section.getByLabel('Start JabberDesk when I log in').check();
  await section.getByLabel('Spell-check languages').selectOption(['de', 'en-US']);
  await eventually(async () => (await desktop()).changes.length >= 2, 'the settings reached the shell');
  const changes = (await desktop()).changes;
  assert.deepEqual(changes[0], { startAtLogin: true });
  assert.deepEqual(changes.at(-1), { spellcheckLanguages: ['en-US', 'de'] });
  assert.equal(await section.getByLabel('Start JabberDesk when I log in').isChecked(), true);
  await section.scrollIntoViewIfNeeded();
  await app.shot('desktop-settings');
});

test("an offline contact's last activity shows in the chat header", async (t) => {
  const [meUser, friendUser] = [await newUser(server, 'seer'), await newUser(server, 'leaver')];
  await makeContacts(server, meUser, friendUser, { name: 'Leaver' }, { name: 'Seer' });
  const friend = await startEngine(server, friendUser);
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  t.after(async () => {
    await app.close();
    await friend.close();
  });
  // Seen online first: the subscriptions are complete on the server (it answers only a contact).
  await app.page.getByRole('button', { name: /^Leaver, Online/ }).waitFor();
  // Signed off properly (a dropped stream would wait for resumption, still online to the server).
  await friend.core.commands['account.disconnect']({ account: friend.account });
  const { page } = app;
  await page.getByRole('button', { name: /^Leaver/ }).click();
  try {
    await page
      .getByRole('list', { name: 'Online devices' })
      .getByText(/last seen (just now|1 min ago)/u)
      .waitFor();
  } catch (error) {
    // What the engine itself gets, to tell a server answer from a page problem.
    const direct = await app.core.commands['presence.lastActivity']({ account: meUser.jid, jid: friendUser.jid }).then(
      (a) => JSON.stringify(a),
      (e: unknown) => String(e),
    );
    const header = await page.locator('.chat-header').innerText();
    throw new Error(`${String(error)}\nengine: ${direct}\nheader: ${header}`);
  }
});
