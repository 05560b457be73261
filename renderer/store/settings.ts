// UI preferences kept in the renderer (localStorage): theme, language and roster view options.
import type { RosterSort } from '../roster/rosterView.ts';
import type { NotifyPrivacy, RoomNotify } from '../notify/notifyPolicy.ts';

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
  /** System notifications for messages, requests and invitations when their chat is not in front. */
  notifications: boolean;
  notifyPrivacy: NotifyPrivacy;
  notifySound: boolean;
  /** Per room (chat key): all messages, mentions only (the default), or nothing. */
  roomNotify: Record<string, RoomNotify>;
  /** Per chat (chat key): muted until this time (ms); 0 means until unmuted. */
  muted: Record<string, number>;
  /** Minutes without input before automatic away / extended away (0: never). */
  awayAfterMinutes: number;
  xaAfterMinutes: number;
  /** The left pane: the conversation list, or the contacts (roster and rooms). */
  sidebarView: SidebarView;
  /** The emoji picker: most recently used first, and the skin tone chosen (0: none). */
  recentEmoji: string[];
  skinTone: number;
  /** Calls go through the server's TURN relay only: the other side never learns our addresses. */
  callsRelayOnly: boolean;
}

export type SidebarView = 'chats' | 'contacts';

export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  language: 'en',
  hideOffline: false,
  rosterSort: 'presence',
  collapsedGroups: [],
  autoDownloadImages: true,
  autoDownloadLimitMB: 5,
  notifications: true,
  notifyPrivacy: 'full',
  notifySound: false,
  roomNotify: {},
  muted: {},
  awayAfterMinutes: 10,
  xaAfterMinutes: 30,
  sidebarView: 'chats',
  recentEmoji: [],
  skinTone: 0,
  callsRelayOnly: false,
};

const minutes = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 1440 ? value : fallback;

const ROOM_MODES: readonly string[] = ['all', 'mentions', 'none'];
const PRIVACY: readonly string[] = ['full', 'sender', 'none'];

/** Entries of a stored map whose values pass the check (at most 2,000). */
function entries<V>(value: unknown, valid: (v: unknown) => v is V): Record<string, V> {
  if (typeof value !== 'object' || value === null) return {};
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter((e): e is [string, V] => valid(e[1]))
      .slice(0, 2000),
  );
}

/** Whether a chat is muted now (a mute with an end time runs out by itself). */
export const isMuted = (until: number | undefined, now: number): boolean =>
  until !== undefined && (until === 0 || until > now);
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
    notifications: typeof value.notifications === 'boolean' ? value.notifications : fallback.notifications,
    notifyPrivacy: PRIVACY.includes(value.notifyPrivacy as string)
      ? (value.notifyPrivacy as NotifyPrivacy)
      : fallback.notifyPrivacy,
    notifySound: typeof value.notifySound === 'boolean' ? value.notifySound : fallback.notifySound,
    roomNotify: entries(value.roomNotify, (v): v is RoomNotify => ROOM_MODES.includes(v as string)),
    muted: entries(value.muted, (v): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0),
    awayAfterMinutes: minutes(value.awayAfterMinutes, fallback.awayAfterMinutes),
    xaAfterMinutes: minutes(value.xaAfterMinutes, fallback.xaAfterMinutes),
    sidebarView: value.sidebarView === 'contacts' ? 'contacts' : 'chats',
    recentEmoji: Array.isArray(value.recentEmoji)
      ? value.recentEmoji.filter((e): e is string => typeof e === 'string' && e.length <= 32).slice(0, 24)
      : [],
    skinTone:
      typeof value.skinTone === 'number' &&
      Number.isInteger(value.skinTone) &&
      value.skinTone >= 0 &&
      value.skinTone <= 5
        ? value.skinTone
        : 0,
    callsRelayOnly: value.callsRelayOnly === true,
  };
}

export function toggleGroup(collapsed: readonly string[], group: string): string[] {
  return collapsed.includes(group) ? collapsed.filter((g) => g !== group) : [...collapsed, group];
}
