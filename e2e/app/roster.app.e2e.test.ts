import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  // Server-to-server on, so a contact on a domain that does not exist really bounces (remote-server-not-found).
  server = await startProsody({ withS2s: true });
});
after(async () => {
  await server.stop();
});

test('requests, add, rename, move and remove contacts; hide offline and sort', async () => {
  const [meUser, askerUser, newcomerUser, sleeperUser] = await Promise.all(
    ['me', 'asker', 'newcomer', 'sleeper'].map((p) => newUser(server, p)),
  );
  if (!meUser || !askerUser || !newcomerUser || !sleeperUser) throw new Error('users');
  await makeContacts(server, meUser, sleeperUser, { name: 'Sleeper', groups: ['Old friends'] }, { name: 'Me' });

  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  await page.getByRole('button', { name: /^Sleeper, Offline/ }).waitFor();

  const asker = await startEngine(server, askerUser);
  await asker.core.commands['presence.subscribe']({ account: asker.account, jid: meUser.jid });
  const requests = page.getByRole('region', { name: 'Contact requests' });
  await requests.getByText(askerUser.jid).waitFor();
  await app.shot('roster-request');
  const approved = waitForEvent(asker.core, 'roster.changed', (e) =>
    e.items.some((i) => i.jid === meUser.jid && (i.subscription === 'to' || i.subscription === 'both')),
  );
  await requests.getByRole('button', { name: `Accept ${askerUser.jid}` }).click();
  await approved;
  await requests.waitFor({ state: 'hidden' });

  const newcomer = await startEngine(server, newcomerUser);
  const asked = waitForEvent(newcomer.core, 'roster.subscriptionRequested', (e) => e.from === meUser.jid);
  await page.getByRole('button', { name: 'Add contact' }).click();
  const add = page.getByRole('dialog', { name: 'Add contact' });
  await add.getByRole('textbox', { name: 'Jabber ID' }).fill('not a jid');
  await add.getByRole('button', { name: 'Add' }).click();
  await add.getByRole('alert').filter({ hasText: 'not a valid Jabber ID' }).waitFor();
  await add.getByRole('textbox', { name: 'Jabber ID' }).fill(newcomerUser.jid);
  await add.getByRole('textbox', { name: 'Name' }).fill('Newcomer');
  await add.getByRole('textbox', { name: 'Groups (comma separated)' }).fill('Work');
  await add.getByRole('button', { name: 'Add' }).click();
  await asked;
  const work = page.getByRole('region', { name: 'Work' });
  await work.getByRole('button', { name: /^Newcomer/ }).click();

  await page.getByRole('button', { name: 'Contact details' }).click();
  await page.getByRole('button', { name: 'Edit, block or remove…' }).click();
  const edit = page.getByRole('dialog', { name: 'Edit Newcomer' });
  await edit.getByRole('textbox', { name: 'Name' }).fill('Colleague');
  await edit.getByRole('textbox', { name: 'Groups (comma separated)' }).fill('Team');
  await edit.getByRole('button', { name: 'Save' }).click();
  await page
    .getByRole('region', { name: 'Team' })
    .getByRole('button', { name: /^Colleague/ })
    .waitFor();
  await work.waitFor({ state: 'detached' });
  const item = app.core.store.roster.get(meUser.jid, newcomerUser.jid);
  assert.deepEqual([item?.name, item?.groups], ['Colleague', ['Team']]);

  const team = page.getByRole('region', { name: 'Team' });
  await team.getByRole('button', { name: 'Team' }).click();
  assert.equal(await team.getByRole('button', { name: 'Team' }).getAttribute('aria-expanded'), 'false');
  assert.equal(await team.getByRole('listitem').count(), 0);
  await team.getByRole('button', { name: 'Team' }).click();

  await page.getByRole('checkbox', { name: 'Hide offline contacts' }).check();
  await page.getByRole('button', { name: /^Sleeper/ }).waitFor({ state: 'detached' });
  await page.getByRole('checkbox', { name: 'Hide offline contacts' }).uncheck();
  await page.getByRole('combobox', { name: 'Sort contacts by' }).selectOption('name');
  await page.getByRole('searchbox', { name: 'Filter contacts' }).fill('sleep');
  assert.deepEqual(
    await page
      .getByRole('navigation', { name: 'Contacts' })
      .getByRole('listitem')
      .allInnerTexts()
      .then((t) => t.length),
    1,
  );
  await page.getByRole('searchbox', { name: 'Filter contacts' }).fill('');
  await app.shot('roster-managed');

  await page
    .getByRole('button', { name: /^Colleague/ })
    .first()
    .click();
  await page.getByRole('button', { name: 'Contact details' }).click();
  await page.getByRole('button', { name: 'Edit, block or remove…' }).click();
  await page.getByRole('dialog', { name: 'Edit Colleague' }).getByRole('button', { name: 'Remove contact' }).click();
  await page.getByRole('dialog', { name: 'Please confirm' }).getByRole('button', { name: 'Remove contact' }).click();
  await eventually(
    () => app.core.store.roster.get(meUser.jid, newcomerUser.jid) === undefined,
    'the contact to be removed',
  );
  await page.getByRole('button', { name: /^Colleague/ }).waitFor({ state: 'detached' });
  await Promise.all([app.close(), asker.close(), newcomer.close()]);
});

test('settings: dark theme and German apply at once and are remembered after a reload', async () => {
  const user = await newUser(server, 'styler');
  const app = await startApp({ prepare: (core) => withAccount(core, server, user) });
  const { page } = app;
  await page.getByRole('button', { name: 'Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await dialog.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await page.getByRole('dialog', { name: 'Einstellungen' }).waitFor();
  await app.shot('settings-dark-de');
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('button', { name: 'Einstellungen' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.lang), 'de');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.getByRole('searchbox', { name: 'Kontakte filtern' }).waitFor();
  await app.shot('main-dark-de');
  await app.close();
});

test('adding a contact on a server that does not exist shows the bounce in words', async () => {
  const meUser = await newUser(server, 'typo');
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page } = app;
  await page.getByRole('button', { name: 'Add contact' }).click();
  const add = page.getByRole('dialog', { name: 'Add contact' });
  await add.getByRole('textbox', { name: 'Jabber ID' }).fill('friend@no-such-server.invalid');
  await add.getByRole('textbox', { name: 'Name' }).fill('Friend');
  await add.getByRole('button', { name: 'Add' }).click();
  const row = page.getByRole('button', { name: /^Friend/u });
  await row.getByText('Not reachable: That server does not exist or cannot be reached.').waitFor({ timeout: 60_000 });
  const presence = await app.core.commands['presence.list']({ account: meUser.jid });
  assert.equal(
    presence.find((p) => p.jid === 'friend@no-such-server.invalid')?.unreachable?.code,
    'remote-server-not-found',
  );
  await app.shot('roster-unreachable');
  await app.close();
});
