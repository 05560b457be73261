// The one app window: sandboxed, restored to where it was, shown unless the app starts in the tray.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { app, BrowserWindow } from 'electron';
import { loadWindowState, rememberWindowState } from '../desktop/windowState.ts';
import { devToolsAllowed } from './devTools.ts';
import { preloadPath, rendererIndex, windowStatePath } from './paths.ts';

const stateFile = {
  read: () => (existsSync(windowStatePath()) ? readFileSync(windowStatePath(), 'utf8') : undefined),
  write: (text: string) => writeFileSync(windowStatePath(), text, { mode: 0o600 }),
};

/** `compact`: the window shows only a call just now (its size then is not the one to remember). */
export function createMainWindow(startHidden: boolean, compact: () => boolean): BrowserWindow {
  const saved = loadWindowState(stateFile);
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
    if (!startHidden) win.show();
  });
  win.webContents.once('did-finish-load', () => win.webContents.setZoomLevel(saved.zoom ?? 0));
  rememberWindowState(win, stateFile, 500, compact);
  void win.loadFile(rendererIndex());
  return win;
}
