// The thin Electron shell: a sandboxed window, a strict CSP, and the core bound to IPC.
import { pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  ipcMain,
  Menu,
  nativeImage,
  powerMonitor,
  safeStorage,
  session,
  shell,
  Tray,
} from 'electron';
import { unreadFromTitle } from '../shared/model/unreadTitle.ts';
import { createAppTray, keepRunningInTray } from './desktop/tray.ts';
import { claimSingleInstance } from './desktop/singleInstance.ts';
import { wakeOnResume } from './desktop/power.ts';
import { followUnreadBadge } from './desktop/unreadBadge.ts';
import { attachContextMenu } from './desktop/contextMenu.ts';
import { createCore, createPlatformSecretStore } from './core/index.ts';
import { bindIpc } from './ipc/bindIpc.ts';
import { assetPath, databasePath, rendererIndex } from './platform/paths.ts';
import { safeStorageCipher, secretProtection } from './platform/secrets.ts';
import { createMainWindow } from './platform/mainWindow.ts';
import { bindDesktopServices, loadDesktopSettings } from './platform/desktopServices.ts';
import { type CallWatch, watchCalls } from './desktop/callWatch.ts';
import { type CallWindow, createCallWindow } from './desktop/callWindow.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let window: BrowserWindow | undefined;
let callWindow: CallWindow | undefined;

/** Web and mail links go to the system; xmpp: links are the app's own and never leave it. */
function openExternally(url: string): void {
  if (/^(https?|mailto):/iu.test(url)) void shell.openExternal(url);
}

let openUri: (uri: string) => void = (uri) => pendingUris.push(uri);
const pendingUris: string[] = [];
const focusWindow = (): void => {
  if (!window) return;
  if (callWindow?.isCompact()) callWindow.expand();
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};
// Before anything else: a second copy hands its link over and quits.
const primary = claimSingleInstance(app, process.argv, focusWindow, (uri) => {
  if (/^xmpp:/iu.test(uri)) openUri(uri);
});

app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(({ url }) => {
    openExternally(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    openExternally(url);
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

/** The tray icon and menu; returns what refreshes the menu (a call starts or ends). */
function showTray(core: ReturnType<typeof createCore>, shown: BrowserWindow, calls: CallWatch): () => void {
  const icon = (name: string) => nativeImage.createFromPath(assetPath(`icons/${name}`));
  const appTray = createAppTray(
    new Tray(icon('tray-32.png')),
    (template) => Menu.buildFromTemplate(template),
    { normal: icon('tray-32.png'), unread: icon('tray-unread-32.png') },
    {
      inCall: () => calls.inCall(),
      hangUp: () => calls.hangUp(),
      windowVisible: () => shown.isVisible(),
      toggleWindow: () => (shown.isVisible() && !callWindow?.isCompact() ? shown.hide() : focusWindow()),
      setPresence: (show) => {
        for (const account of core.store.accounts.list())
          void core.commands['presence.set']({ account: account.id, show }).catch(() => undefined);
      },
      quit: () => app.quit(),
    },
    app.getLocale(),
  );
  shown.on('page-title-updated', (_event, title) => appTray.setUnread(unreadFromTitle(title)));
  shown.on('show', () => appTray.refresh());
  shown.on('hide', () => appTray.refresh());
  followUnreadBadge(
    shown,
    app,
    process.platform === 'win32'
      ? { icon: icon('overlay-unread-32.png'), describe: (count) => `${count} unread` }
      : undefined,
  );
  return () => appTray.refresh();
}

if (primary)
  void app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
      callback(permission === 'notifications' || permission === 'media'),
    );
    const core = createCore({
      databasePath: databasePath(),
      secrets: (store) =>
        createPlatformSecretStore(
          store.secrets,
          store.meta,
          safeStorageCipher(safeStorage),
          secretProtection(safeStorage, process.platform),
        ),
      // shell.openPath answers with an error text (empty when it worked).
      openFile: async (path) => {
        const problem = await shell.openPath(path);
        if (problem) throw new Error(problem);
      },
      showInFolder: (path) => shell.showItemInFolder(path),
    });
    const pageUrl = pathToFileURL(rendererIndex()).href;
    const unbind = bindIpc(ipcMain, core, () => window?.webContents, pageUrl);
    const settings = loadDesktopSettings();
    const desktop = bindDesktopServices(
      settings,
      () => window,
      focusWindow,
      pageUrl,
      async (hash) => {
        const image = await core.commands['avatar.get']({ hash });
        return image ? nativeImage.createFromBuffer(Buffer.from(image.base64, 'base64')) : undefined;
      },
      focusWindow,
    );
    // Started minimised (the setting, or --minimized from the login item): in the tray, where there is one.
    const inTray = process.platform !== 'darwin';
    const compact = (): boolean => callWindow?.isCompact() === true;
    window = createMainWindow(
      inTray && (process.argv.includes('--minimized') || settings.get().startMinimized),
      compact,
    );
    const shown = window;
    const ownCallWindow = createCallWindow(shown, (isCompact) =>
      desktop.send({ kind: 'callWindow', compact: isCompact }),
    );
    callWindow = ownCallWindow;
    let refreshTray = (): void => undefined;
    const calls = watchCalls(
      core.events,
      (call) => void core.commands['call.hangup']({ account: call.account, sid: call.sid }).catch(() => undefined),
      () => {
        refreshTray();
        if (!calls.inCall()) ownCallWindow.callsEnded();
      },
    );
    refreshTray = showTray(core, shown, calls);
    attachContextMenu(
      shown.webContents,
      (template) => Menu.buildFromTemplate(template).popup({ window: shown }),
      clipboard,
      app.getLocale(),
    );
    // Closing keeps JabberDesk running in the tray on Linux and Windows (a setting); macOS keeps its own habit.
    keepRunningInTray(shown, app, () => inTray && settings.get().closeToTray, {
      inCall: () => calls.inCall(),
      closedInCall: () => ownCallWindow.compact(),
    });
    wakeOnResume(powerMonitor, () => core.wake());
    openUri = (uri) => core.events.emit('app.openUri', { uri });
    // Links that arrived before the window: handed over once the page can listen.
    shown.webContents.once('did-finish-load', () => {
      for (const uri of pendingUris.splice(0)) openUri(uri);
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) window = createMainWindow(false, () => false);
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('before-quit', () => {
      unbind();
      desktop.unbind();
      void core.close();
    });
    await core.start();
  });
