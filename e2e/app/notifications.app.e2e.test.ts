// System notifications as a person gets them: one per chat however many messages arrive, a click opens
// the chat, Do not disturb keeps quiet; the settings say what they show.
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

// The browser's Notification API as the app sees it (permission granted), recording what it is asked to show.
const FAKE_NOTIFICATIONS = `
  window.__shown = [];
  window.Notification = class {
    static permission = 'granted';
    static requestPermission() { return Promise.resolve('granted'); }
    constructor(title, options) { this.title = title; this.options = options; window.__shown.push(this); }
    close() {}
  };
  window.__click = (i) => window.__shown[i].onclick();
`;

interface Shown {
  title: string;
  body: string;
  tag: string;
}

test('one notification per chat for a burst; a click opens the chat; Do not disturb keeps quiet', async (t) => {
  const [meUser, friendUser, carolUser] = [
    await newUser(server, 'me'),
    await newUser(server, 'friend'),
    await newUser(server, 'carol'),
  ];
  await makeContacts(server, meUser, friendUser, { name: 'Friend' }, { name: 'Me' });
  await makeContacts(server, meUser, carolUser, { name: 'Carol' }, { name: 'Me' });
  const [friend, carol] = [await startEngine(server, friendUser), await startEngine(server, carolUser)];
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser), initScript: FAKE_NOTIFICATIONS });
  t.after(async () => {
    await app.close();
    await Promise.all([friend.close(), carol.close()]);
  });
  const { page } = app;
  const shown = (): Promise<Shown[]> =>
    page.evaluate(() =>
      (window as unknown as { __shown: { title: string; options: { body: string; tag: string } }[] }).__shown.map(
        (n) => ({ title: n.title, body: n.options.body, tag: n.options.tag }),
      ),
    );
  await page.getByRole('button', { name: /^Friend/ }).waitFor();
  for (const engine of [friend, carol])
    await engine.core.commands['omemo.setEnabled']({ account: engine.account, peer: meUser.jid, enabled: false });

  for (let i = 1; i <= 5; i++)
    await friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body: `message ${i}` });
  const first = await eventually(async () => (await shown())[0], 'a notification');
  assert.equal(first?.title, 'Friend');
  assert.match(first?.body ?? '', /5 new messages\nmessage 5/u);
  await eventually(async () => (await page.title()) === '(5) JabberDesk', 'the count in the title');
  assert.equal((await shown()).length, 1, 'five messages, one notification');

  await page.evaluate(() => (window as unknown as { __click(i: number): void }).__click(0));
  await page.getByRole('log', { name: 'Messages with Friend' }).getByText('message 5').waitFor();

  // Carol writes once she sees the change: the engine tells the window about it as the presence goes out.
  const carolSees = (show: string): Promise<unknown> =>
    eventually(async () => {
      const list = await carol.core.commands['presence.list']({ account: carol.account });
      return list.find((p) => p.jid === meUser.jid)?.resources.some((r) => r.show === show) === true;
    }, `Carol sees ${show}`);
  await page.getByRole('combobox', { name: 'My presence' }).selectOption('dnd');
  await carolSees('dnd');
  await carol.core.commands['chat.send']({ account: carol.account, to: meUser.jid, body: 'are you busy?' });
  await page
    .getByRole('button', { name: /^Carol/ })
    .getByText('1')
    .waitFor();
  await page.getByRole('combobox', { name: 'My presence' }).selectOption('online');
  await carolSees('online');
  await carol.core.commands['chat.send']({ account: carol.account, to: meUser.jid, body: 'now?' });
  const second = await eventually(async () => (await shown())[1], 'the next notification');
  assert.equal(second?.title, 'Carol');
  assert.equal(second?.body, 'now?', 'nothing of the message sent under Do not disturb');
  assert.equal((await shown()).length, 2);

  await page.getByRole('button', { name: 'Settings' }).click();
  await page.getByRole('region', { name: 'Notifications' }).scrollIntoViewIfNeeded();
  await app.shot('notification-settings');
});

test("a contact's automatic away shows with its idle time in the chat header", async (t) => {
  const [meUser, friendUser] = [await newUser(server, 'me'), await newUser(server, 'idler')];
  await makeContacts(server, meUser, friendUser, { name: 'Idler' }, { name: 'Me' });
  const friend = await startEngine(server, friendUser, { resource: 'laptop' });
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  t.after(async () => {
    await app.close();
    await friend.close();
  });
  const { page } = app;
  await page.getByRole('button', { name: /^Idler/ }).click();
  await friend.core.commands['presence.setIdle']({
    account: friend.account,
    show: 'away',
    since: Date.now() - 12 * 60_000,
  });
  const resources = page.getByRole('list', { name: 'Online devices' });
  await resources.getByText('(idle for 12 min)').waitFor();
  await app.shot('idle-presence');
});
