// Start at login: Windows and macOS through Electron's login items; Linux through an XDG autostart entry
// (Electron has no login items there), which starts the AppImage itself when run from one.
import type { App } from 'electron';

export interface LoginItemDeps {
  platform: NodeJS.Platform;
  app: Pick<App, 'setLoginItemSettings'>;
  /** The program to start: the AppImage file when running from one, else the executable. */
  program: string;
  /** ~/.config/autostart (XDG_CONFIG_HOME/autostart). */
  autostartDir: string;
  files: { write(path: string, text: string): void; remove(path: string): void };
}

export const AUTOSTART_FILE = 'jabberdesk.desktop';

/** A desktop entry's Exec argument, quoted as the specification asks. */
export function quoteExecArgument(value: string): string {
  return `"${value.replace(/[\\"`$]/gu, (c) => `\\${c}`)}"`;
}

export function autostartEntry(program: string, minimized: boolean): string {
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Name=JabberDesk',
    'Comment=XMPP chat',
    `Exec=${quoteExecArgument(program)}${minimized ? ' --minimized' : ''}`,
    'Icon=jabberdesk',
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}

export function setStartAtLogin(enabled: boolean, minimized: boolean, deps: LoginItemDeps): void {
  if (deps.platform === 'linux') {
    const path = `${deps.autostartDir}/${AUTOSTART_FILE}`;
    if (enabled) deps.files.write(path, autostartEntry(deps.program, minimized));
    else deps.files.remove(path);
    return;
  }
  deps.app.setLoginItemSettings({ openAtLogin: enabled, args: minimized ? ['--minimized'] : [] });
}
