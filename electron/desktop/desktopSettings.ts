// The shell's own settings (tray, start, spell-check) in a small JSON file beside the window state,
// checked on every read and write, and applied to the system when they change.
import { DEFAULT_DESKTOP_SETTINGS, type DesktopSettings, parseDesktopSettings } from '../../shared/ipc/desktop.ts';

export interface SettingsFile {
  read(): string | undefined;
  write(text: string): void;
}

export interface DesktopSettingsEffects {
  setSpellcheckLanguages(languages: string[]): void;
  setStartAtLogin(enabled: boolean, minimized: boolean): void;
}

export interface DesktopSettingsStore {
  get(): DesktopSettings;
  update(change: unknown): DesktopSettings;
}

function load(file: SettingsFile): DesktopSettings {
  try {
    const text = file.read();
    return text ? parseDesktopSettings(JSON.parse(text)) : DEFAULT_DESKTOP_SETTINGS;
  } catch {
    return DEFAULT_DESKTOP_SETTINGS;
  }
}

export function createDesktopSettings(file: SettingsFile, effects: DesktopSettingsEffects): DesktopSettingsStore {
  let current = load(file);
  return {
    get: () => current,
    update: (change) => {
      const next = parseDesktopSettings(change, current);
      const before = current;
      current = next;
      file.write(JSON.stringify(next));
      if (next.spellcheckLanguages.join() !== before.spellcheckLanguages.join())
        effects.setSpellcheckLanguages(next.spellcheckLanguages);
      if (next.startAtLogin !== before.startAtLogin || next.startMinimized !== before.startMinimized)
        effects.setStartAtLogin(next.startAtLogin, next.startMinimized);
      return next;
    },
  };
}
