// UI preferences kept in the renderer (localStorage): theme, language and roster view options.
import type { RosterSort } from '../roster/rosterView.ts';

export type Theme = 'system' | 'light' | 'dark';
export type Language = 'en' | 'de';

export interface Settings {
  theme: Theme;
  language: Language;
  hideOffline: boolean;
  rosterSort: RosterSort;
  collapsedGroups: string[];
  /** Images from contacts and joined rooms are downloaded and shown without asking, up to the limit. */
  autoDownloadImages: boolean;
  autoDownloadLimitMB: number;
}

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'en',
  hideOffline: false,
  rosterSort: 'presence',
  collapsedGroups: [],
  autoDownloadImages: true,
  autoDownloadLimitMB: 5,
};
export const MAX_AUTO_DOWNLOAD_MB = 100;
export const SETTINGS_KEY = 'jabberdesk.settings';

/** Reads stored settings, keeping only values that are valid (anything else falls back to the default). */
export function parseSettings(stored: string | null, preferredLanguage = 'en'): Settings {
  const fallback: Settings = {
    ...DEFAULT_SETTINGS,
    language: preferredLanguage.toLowerCase().startsWith('de') ? 'de' : 'en',
  };
  let raw: unknown;
  try {
    raw = stored ? JSON.parse(stored) : {};
  } catch {
    return fallback;
  }
  if (typeof raw !== 'object' || raw === null) return fallback;
  const value = raw as Record<string, unknown>;
  return {
    theme: value.theme === 'light' || value.theme === 'dark' || value.theme === 'system' ? value.theme : fallback.theme,
    language: value.language === 'en' || value.language === 'de' ? value.language : fallback.language,
    hideOffline: typeof value.hideOffline === 'boolean' ? value.hideOffline : fallback.hideOffline,
    rosterSort: value.rosterSort === 'name' || value.rosterSort === 'presence' ? value.rosterSort : fallback.rosterSort,
    collapsedGroups: Array.isArray(value.collapsedGroups)
      ? value.collapsedGroups.filter((g): g is string => typeof g === 'string').slice(0, 500)
      : [],
    autoDownloadImages:
      typeof value.autoDownloadImages === 'boolean' ? value.autoDownloadImages : fallback.autoDownloadImages,
    autoDownloadLimitMB:
      typeof value.autoDownloadLimitMB === 'number' &&
      value.autoDownloadLimitMB >= 0 &&
      value.autoDownloadLimitMB <= MAX_AUTO_DOWNLOAD_MB
        ? value.autoDownloadLimitMB
        : fallback.autoDownloadLimitMB,
  };
}

export function toggleGroup(collapsed: readonly string[], group: string): string[] {
  return collapsed.includes(group) ? collapsed.filter((g) => g !== group) : [...collapsed, group];
}
