// The tray menu cannot be shown here (no Electron), so its real template — built by electron/desktop/tray.ts
// with the unread count and the real engine behind its presence items — is drawn in Chromium the way a
// desktop menu looks, clicked there, and looked at.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Menu, MenuItemConstructorOptions, NativeImage } from 'electron';
import { createAppTray, type TrayLike } from '../../electron/desktop/tray.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';
import { launchChromium, SCREENSHOTS } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const ICONS = join(import.meta.dirname, '..', '..', 'assets', 'icons');
const escape = (text: string): string =>
  text.replace(/[&<>"]/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

function menuPage(menu: MenuItemConstructorOptions[], tooltip: string, icon: string): string {
  const items = menu
    .map((item, i) =>
      item.type === 'separator'
        ? '<li role="separator"></li>'
        : `<li><button role="menuitem" data-index="${i}">${escape(item.label ?? '')}</button></li>`,
    )
    .join('');
  return `<html><body style="font:14px system-ui;background:#2b2f36;margin:0;padding:16px">
    <div style="display:flex;gap:8px;align-items:center;color:#fff"><img src="data:image/png;base64,${icon}" width="24" height="24" alt="">
      <span role="tooltip">${escape(tooltip)}</span></div>
    <ul role="menu" style="list-style:none;margin:8px 0 0;padding:4px;width:220px;background:#fff;border-radius:6px;box-shadow:0 4px 16px #0008">
    ${items}</ul>
    <style>[role=menuitem]{all:unset;display:block;width:100%;box-sizing:border-box;padding:6px 12px;border-radius:4px;color:#1d2430}
    [role=menuitem]:hover{background:#dbe8ff}[role=separator]{border-top:1px solid #dde2ea;margin:4px 0}</style></body></html>`;
}

test('the tray menu shows the unread count and sets the presence through the engine', async (t) => {
  const [meUser, peerUser] = [await newUser(server, 'trayed'), await newUser(server, 'looker')];
  const [me, peer] = [await startEngine(server, meUser), await startEngine(server, peerUser)];
  const browser = await launchChromium();
  t.after(async () => {
    await browser.close();
    await Promise.all([me.close(), peer.close()]);
  });
  await befriend(me, peer, { name: 'Looker' }, { name: 'Trayed' });

  const state = { menu: [] as MenuItemConstructorOptions[], tooltip: '', image: '' };
  const tray = {
    setToolTip: (text: string) => (state.tooltip = text),
    setContextMenu: (menu: Menu | null) => (state.menu = menu as unknown as MenuItemConstructorOptions[]),
    setImage: (image: NativeImage | string) => (state.image = image as unknown as string),
    on: () => tray,
  } as unknown as TrayLike;
  const appTray = createAppTray(
    tray,
    (template) => template as unknown as Menu,
    { normal: 'tray-32.png' as unknown as NativeImage, unread: 'tray-unread-32.png' as unknown as NativeImage },
    {
      windowVisible: () => true,
      toggleWindow: () => undefined,
      setPresence: (show) => void me.core.commands['presence.set']({ account: me.account, show }),
      quit: () => undefined,
    },
    'en-GB',
  );
  appTray.setUnread(3);
  assert.equal(state.image, 'tray-unread-32.png');

  const page = await browser.newPage({ viewport: { width: 300, height: 330 } });
  const icon = readFileSync(join(ICONS, state.image)).toString('base64');
  await page.setContent(menuPage(state.menu, state.tooltip, icon));
  await page.getByRole('tooltip').getByText('JabberDesk — 3 unread').waitFor();
  const labels = await page.getByRole('menuitem').allInnerTexts();
  assert.deepEqual(labels, ['Hide JabberDesk', 'Online', 'Away', 'Do not disturb', 'Offline', 'Quit']);
  await page.screenshot({ path: join(SCREENSHOTS, 'tray-menu.png') });

  const index = Number(await page.getByRole('menuitem', { name: 'Do not disturb' }).getAttribute('data-index'));
  state.menu[index]?.click?.(undefined as never, undefined, undefined as never);
  await eventually(async () => {
    const seen = (await peer.core.commands['presence.list']({ account: peer.account })).find(
      (p) => p.jid === me.account,
    );
    return seen?.resources[0]?.show === 'dnd';
  }, 'the contact sees Do not disturb');
});
