// The thin Electron shell: a sandboxed window, a strict CSP, and the core bound to IPC.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import {
  app,
  BrowserWindow,
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
import { loadWindowState, rememberWindowState } from './desktop/windowState.ts';
import { claimSingleInstance } from './desktop/singleInstance.ts';
import { wakeOnResume } from './desktop/power.ts';
import { followUnreadBadge } from './desktop/unreadBadge.ts';
import { createCore, createPlatformSecretStore } from './core/index.ts';
import { pathToFileURL } from 'node:url';
import { bindIpc } from './ipc/bindIpc.ts';
import { devToolsAllowed } from './platform/devTools.ts';
import { assetPath, databasePath, preloadPath, rendererIndex, windowStatePath } from './platform/paths.ts';
import { safeStorageCipher, secretProtection } from './platform/secrets.ts';

const CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

let window: BrowserWindow | undefined;

const stateFile = {
  read: () => readFileSync(windowStatePath(), 'utf8'),
  write: (text: string) => writeFileSync(windowStatePath(), text, { mode: 0o600 }),
};

function createWindow(): BrowserWindow {
  const saved = loadWindowState({
    read: () => (existsSync(windowStatePath()) ? stateFile.read() : undefined),
    write: () => undefined,
  });
  const win = new BrowserWindow({
    width: saved.bounds?.width ?? 1100,
    height: saved.bounds?.height ?? 720,
    ...(saved.bounds ? { x: saved.bounds.x, y: saved.bounds.y } : {}),
    minWidth: 360,
    minHeight: 400,
    show: false,
    title: 'JabberDesk',
    webPreferences: {
      preload: preloadPath(),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: true,
      devTools: devToolsAllowed(app.isPackaged, process.argv, process.env),
    },
  });
  win.once('ready-to-show', () => {
    if (saved.maximized) win.maximize();
    if (!process.argv.includes('--minimized')) win.show();
  });
  win.webContents.once('did-finish-load', () => win.webContents.setZoomLevel(saved.zoom ?? 0));
  rememberWindowState(win, stateFile);
  void win.loadFile(rendererIndex());
  return win;
}

/** Web and mail links go to the system; xmpp: links are the app's own and never leave it. */
function openExternally(url: string): void {
  if (/^(https?|mailto):/iu.test(url)) void shell.openExternal(url);
}

let openUri: (uri: string) => void = (uri) => pendingUris.push(uri);
const pendingUris: string[] = [];
const focusWindow = (): void => {
  if (!window) return;
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

if (primary)
  void app.whenReady().then(async () => {
    session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
      callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] } });
    });
    session.defaultSession.setPermissionRequestHandler((_contents, permission, callback) =>
      callback(permission === 'notifications'),
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
    const unbind = bindIpc(ipcMain, core, () => window?.webContents, pathToFileURL(rendererIndex()).href);
    window = createWindow();
    followUnreadBadge(window, app);
    const shown = window;
    const appTray = createAppTray(
      new Tray(nativeImage.createFromPath(assetPath('icons/tray-32.png'))),
      (template) => Menu.buildFromTemplate(template),
      {
        normal: nativeImage.createFromPath(assetPath('icons/tray-32.png')),
        unread: nativeImage.createFromPath(assetPath('icons/tray-unread-32.png')),
      },
      {
        windowVisible: () => shown.isVisible(),
        toggleWindow: () => (shown.isVisible() ? shown.hide() : focusWindow()),
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
    // Closing keeps JabberDesk running in the tray on Linux and Windows; macOS keeps its own habit.
    keepRunningInTray(shown, app, () => process.platform !== 'darwin');
    wakeOnResume(powerMonitor, () => core.wake());
    openUri = (uri) => core.events.emit('app.openUri', { uri });
    // Links that arrived before the window: handed over once the page can listen.
    window.webContents.once('did-finish-load', () => {
      for (const uri of pendingUris.splice(0)) openUri(uri);
    });
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });
    app.on('before-quit', () => {
      unbind();
      void core.close();
    });
    await core.start();
  });
