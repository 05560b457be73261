// What the desktop channel offers, built from Electron's objects: the shell's settings (applied to the
// system), OS notifications from the main process, and the system's idle time.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { app, type BrowserWindow, ipcMain, type NativeImage, Notification, powerMonitor, session } from 'electron';
import type { DesktopEvent, DesktopInfo } from '../../shared/ipc/desktop.ts';
import { createDesktopSettings, type DesktopSettingsStore } from '../desktop/desktopSettings.ts';
import { bindDesktopIpc } from '../desktop/desktopIpc.ts';
import { setStartAtLogin } from '../desktop/loginItem.ts';
import { createNotifier } from '../desktop/notifier.ts';
import { watchSystemIdle } from '../desktop/systemIdle.ts';

const settingsPath = (): string => join(app.getPath('userData'), 'desktop-settings.json');

const files = {
  write: (path: string, text: string) => {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text, { mode: 0o600 });
  },
  remove: (path: string) => rmSync(path, { force: true }),
};

/** Only dictionaries this Electron has; the rest of a stored choice waits for a system that has them. */
function applySpellcheck(languages: string[]): void {
  const available = new Set(session.defaultSession.availableSpellCheckerLanguages);
  const usable = languages.filter((l) => available.has(l));
  if (usable.length > 0) session.defaultSession.setSpellCheckerLanguages(usable);
}

export function loadDesktopSettings(): DesktopSettingsStore {
  const store = createDesktopSettings(
    {
      read: () => (existsSync(settingsPath()) ? readFileSync(settingsPath(), 'utf8') : undefined),
      write: (text) => files.write(settingsPath(), text),
    },
    {
      setSpellcheckLanguages: applySpellcheck,
      setStartAtLogin: (enabled, minimized) =>
        setStartAtLogin(enabled, minimized, {
          platform: process.platform,
          app,
          program: process.env.APPIMAGE ?? process.execPath,
          autostartDir: join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'autostart'),
          files,
        }),
    },
  );
  applySpellcheck(store.get().spellcheckLanguages);
  return store;
}

export function bindDesktopServices(
  settings: DesktopSettingsStore,
  window: () => BrowserWindow | undefined,
  focusWindow: () => void,
  pageUrl: string,
  /** A notification's sender avatar from the engine's cache (by hash, never from the page). */
  avatarIcon: (hash: string) => Promise<NativeImage | undefined>,
  /** The call window's button: the whole app again. */
  showMainWindow: () => void,
): { send(event: DesktopEvent): void; unbind(): void } {
  const info = (): DesktopInfo => ({
    settings: settings.get(),
    trayAvailable: process.platform !== 'darwin',
    loginItemAvailable: true,
    spellcheckLanguages: session.defaultSession.availableSpellCheckerLanguages,
  });
  const idle = watchSystemIdle(powerMonitor);
  const notifier = createNotifier(
    (options) => new Notification(options),
    () => Notification.isSupported(),
    (tag) => {
      focusWindow();
      ipc.send({ kind: 'notificationClicked', tag });
    },
    (tag, action) => {
      // Answering a call brings its window up; declining leaves the desktop as it is.
      if (action === 'answer') focusWindow();
      ipc.send({ kind: 'notificationAction', tag, action });
    },
  );
  const ipc = bindDesktopIpc(
    ipcMain,
    {
      info,
      setSettings: (change) => {
        settings.update(change);
        return info();
      },
      notify: (n) => {
        if (!n.avatar) return notifier.notify(n);
        void avatarIcon(n.avatar)
          .catch(() => undefined)
          .then((icon) => notifier.notify(n, icon));
      },
      closeNotification: (tag) => notifier.close(tag),
      idle,
      showMainWindow,
    },
    () => window()?.webContents,
    pageUrl,
  );
  return ipc;
}
