// Gateways in the app: found in the service browser with their network's name, registered with from
// its form, legacy contacts arriving in the contact list, a contact added by their legacy address, leaving.
// Then a real IRC channel through biboumi, set up by biboumi's own command and joined as a group chat.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { newUser } from '../helpers/accounts.ts';
import { type FakeGateway, startFakeGateway } from '../helpers/fakeGateway.ts';
import { ircUser } from '../helpers/ircUser.ts';
import { type Biboumi, type IrcServer, startBiboumi, startNgircd } from '../server/irc.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { startApp, withAccount } from './harness.ts';

const GATEWAY = { domain: 'legacy.localhost', secret: randomBytes(8).toString('hex') };
const IRC = { domain: 'irc.localhost', secret: randomBytes(8).toString('hex') };
let server: ProsodyServer;
let gateway: FakeGateway;
let irc: IrcServer;
let biboumi: Biboumi;
before(async () => {
  server = await startProsody({ externalComponents: [GATEWAY, IRC] });
  gateway = await startFakeGateway(server.ports.component ?? 0, GATEWAY.domain, GATEWAY.secret);
  irc = await startNgircd();
  biboumi = await startBiboumi(server.ports.component ?? 0, IRC, 'admin@localhost');
});
after(async () => {
  gateway?.close();
  await biboumi?.stop();
  await irc?.stop();
  await server?.stop();
});

test('register with a gateway from the service browser: its contacts arrive, one is added by legacy name, then leave', async () => {
  const user = await newUser(server);
  const app = await startApp({ sidebar: 'chats', prepare: (core) => withAccount(core, server, user) });
  const { page } = app;
  try {
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('menuitem', { name: 'Browse services' }).click();
    const browser = page.getByRole('dialog', { name: `Services · ${user.jid}` });
    const row = browser.locator('.disco-row').filter({ hasText: GATEWAY.domain });
    await row.getByText('Gateway to Telegram').waitFor();
    await app.shot('gateway-in-browser');
    await row.getByRole('button', { name: 'Register' }).click();

    const dialog = page.getByRole('dialog', { name: `Telegram gateway · ${GATEWAY.domain}` });
    await dialog.getByText('Log in with your legacy account.').waitFor();
    await dialog.getByRole('textbox', { name: 'Legacy login' }).fill('me-on-telegram');
    await dialog.getByLabel('Legacy password').fill('secret words');
    await dialog.getByRole('button', { name: 'Register' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Registered with the Telegram gateway' }).waitFor();
    assert.deepEqual(gateway.registrations.get(user.jid), { login: 'me-on-telegram', password: 'secret words' });
    await dialog.getByText('You are registered with this gateway').waitFor();
    await app.shot('gateway-registered');

    const add = dialog.getByRole('form', { name: 'Add a contact on this network' });
    await add.getByRole('textbox', { name: 'Legacy user name' }).fill('Linus');
    await add.getByRole('button', { name: 'Add contact…' }).click();
    const addContact = page.getByRole('dialog', { name: 'Add contact' });
    assert.equal(await addContact.getByRole('textbox', { name: 'Jabber ID' }).inputValue(), `linus@${GATEWAY.domain}`);
    await page.keyboard.press('Escape');

    await page.getByRole('tab', { name: 'Contacts' }).click();
    const contacts = page.getByRole('navigation', { name: 'Contacts' });
    await contacts.getByText('Ada (legacy)').waitFor();
    await contacts.getByText('Grace (legacy)').waitFor();
    // The gateway itself is listed apart, with its network's mark; its contacts carry the mark too.
    const transports = contacts.getByRole('region', { name: 'Gateways (transports)' });
    await transports.getByRole('img', { name: 'Telegram' }).waitFor();
    await transports.getByText(GATEWAY.domain).waitFor();
    const ada = contacts.locator('li.contact').filter({ hasText: 'Ada (legacy)' });
    await ada.getByRole('img', { name: 'Telegram' }).waitFor();
    assert.equal(await contacts.getByRole('region', { name: 'Contacts' }).getByText(GATEWAY.domain).count(), 0);
    await app.shot('gateway-contacts');
    await page.getByRole('tab', { name: 'Chats' }).click();

    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('menuitem', { name: 'Browse services' }).click();
    await page
      .getByRole('dialog', { name: `Services · ${user.jid}` })
      .locator('.disco-row')
      .filter({ hasText: GATEWAY.domain })
      .getByRole('button', { name: 'Register' })
      .click();
    await dialog.getByRole('button', { name: 'Leave gateway' }).click();
    await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Leave gateway' }).click();
    await dialog.getByRole('status').filter({ hasText: 'You left the Telegram gateway' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('tab', { name: 'Contacts' }).click();
    await contacts.getByText('Ada (legacy)').waitFor({ state: 'detached' });
    assert.equal(gateway.registrations.has(user.jid), false);
  } finally {
    await app.close();
  }
});

test('an IRC channel through biboumi: its server set up by biboumi’s command, joined as a group chat', async () => {
  const user = await newUser(server);
  const carol = await ircUser(irc.port, 'carol');
  const app = await startApp({ sidebar: 'chats', prepare: (core) => withAccount(core, server, user) });
  const { page } = app;
  try {
    await carol.join('#lobby');
    const ircServer = `127.0.0.1@${IRC.domain}`;
    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('menuitem', { name: 'Browse services' }).click();
    const browser = page.getByRole('dialog', { name: `Services · ${user.jid}` });
    await browser.getByRole('textbox', { name: 'Address' }).fill(ircServer);
    await browser.getByRole('button', { name: 'Browse', exact: true }).click();
    await browser.getByRole('region', { name: ircServer }).getByRole('button', { name: 'Commands' }).first().click();
    const commands = page.getByRole('dialog', { name: `Commands · ${ircServer}` });
    await commands.getByRole('button', { name: /configure/i }).click();
    const form = page.getByRole('dialog').filter({ has: page.getByRole('button', { name: 'Finish' }) });
    const ports = form.getByRole('textbox', { name: 'Ports', exact: true });
    await ports.fill(String(irc.port));
    await form.getByRole('textbox', { name: 'TLS ports' }).fill('');
    await app.shot('irc-configure');
    await form.getByRole('button', { name: 'Finish' }).click();
    await page.getByText('The command has finished.').waitFor();
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'New' }).click();
    await page.getByRole('menuitem', { name: 'Join a group chat' }).click();
    const join = page.getByRole('dialog', { name: 'Join a group chat' });
    await join.getByRole('textbox', { name: 'Room address' }).fill(`#lobby%${ircServer}`);
    await join.getByRole('textbox', { name: 'Nickname' }).fill('dave');
    await join.getByRole('button', { name: 'Join' }).click();
    await carol.hear((l) => l.command === 'JOIN' && l.from === 'dave', 'dave joining on IRC');
    carol.say('#lobby', 'welcome to IRC, dave');
    await page.getByText('welcome to IRC, dave', { exact: true }).waitFor();
    const composer = page.getByRole('textbox', { name: /Message/ });
    await composer.fill('glad to be here');
    await composer.press('Enter');
    await carol.hear((l) => l.command === 'PRIVMSG' && l.text === 'glad to be here', 'the answer on IRC');
    await app.shot('irc-channel');
  } finally {
    carol.quit();
    await app.close();
  }
});
