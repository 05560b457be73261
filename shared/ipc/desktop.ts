// What only the desktop app has (Electron's preload exposes it as window.desktop; the web mode has none):
// OS notifications shown by the main process, system idle time, and the shell's own settings.

export const DESKTOP_INVOKE_CHANNEL = 'jabberdesk:desktop';
export const DESKTOP_EVENT_CHANNEL = 'jabberdesk:desktop-event';

export interface DesktopSettings {
  /** Closing the window keeps JabberDesk running in the tray (Linux and Windows). */
  closeToTray: boolean;
  /** Start with the window hidden in the tray (also when started at login). */
  startMinimized: boolean;
  startAtLogin: boolean;
  /** Spell-check dictionaries, e.g. ['en-US', 'de']; empty: the system's language. */
  spellcheckLanguages: string[];
}

export interface DesktopInfo {
  settings: DesktopSettings;
  /** What the settings may offer on this system. */
  trayAvailable: boolean;
  loginItemAvailable: boolean;
  spellcheckLanguages: string[];
}

export interface DesktopNotification {
  /** One notification per tag: a new one with the same tag replaces the shown one. */
  tag: string;
  title: string;
  body: string;
  /** The SHA-1 of the sender's avatar: the main process takes the picture from its own cache. */
  avatar?: string;
  /** Buttons the system shows (an incoming call's Answer and Decline); a click on one is reported by its id. */
  actions?: NotificationAction[];
  /** Stays until acted on (a ringing call), where the system allows it. */
  urgent?: boolean;
}

export interface NotificationAction {
  id: string;
  label: string;
}

export interface SystemIdle {
  idleSeconds: number;
  locked: boolean;
}

export type DesktopRequest =
  | { kind: 'info' }
  | { kind: 'setSettings'; change: Partial<DesktopSettings> }
  | { kind: 'notify'; notification: DesktopNotification }
  | { kind: 'closeNotification'; tag: string }
  | { kind: 'idle' }
  | { kind: 'showMainWindow' };

export type DesktopEvent =
  | { kind: 'notificationClicked'; tag: string }
  | { kind: 'notificationAction'; tag: string; action: string }
  /** The window was closed during a call and now shows only the call (compact), or the whole app again. */
  | { kind: 'callWindow'; compact: boolean };

export interface DesktopBridge {
  info(): Promise<DesktopInfo>;
  setSettings(change: Partial<DesktopSettings>): Promise<DesktopInfo>;
  notify(notification: DesktopNotification): Promise<void>;
  /** Takes a notification (by tag) off the screen: the call it announced stopped ringing. */
  closeNotification(tag: string): Promise<void>;
  idle(): Promise<SystemIdle>;
  onNotificationClicked(listener: (tag: string) => void): () => void;
  onNotificationAction(listener: (tag: string, action: string) => void): () => void;
  onCallWindow(listener: (compact: boolean) => void): () => void;
  /** From the call's own window: the whole app again. */
  showMainWindow(): Promise<void>;
}

export const DEFAULT_DESKTOP_SETTINGS: DesktopSettings = {
  closeToTray: true,
  startMinimized: false,
  startAtLogin: false,
  spellcheckLanguages: [],
};

const LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/u;

/** Keeps only valid values (stored files and renderer requests alike); anything else: the default. */
export function parseDesktopSettings(
  value: unknown,
  base: DesktopSettings = DEFAULT_DESKTOP_SETTINGS,
): DesktopSettings {
  const raw = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const flag = (key: 'closeToTray' | 'startMinimized' | 'startAtLogin'): boolean =>
    typeof raw[key] === 'boolean' ? raw[key] : base[key];
  const languages = Array.isArray(raw.spellcheckLanguages)
    ? [
        ...new Set(
          raw.spellcheckLanguages.filter(
            (l): l is string => typeof l === 'string' && l.length < 36 && LANGUAGE.test(l),
          ),
        ),
      ].slice(0, 8)
    : base.spellcheckLanguages;
  return {
    closeToTray: flag('closeToTray'),
    startMinimized: flag('startMinimized'),
    startAtLogin: flag('startAtLogin'),
    spellcheckLanguages: languages,
  };
}

/** A request from the renderer, checked field by field (the preload passes whatever the page gives). */
export function parseDesktopRequest(value: unknown): DesktopRequest | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const raw = value as Record<string, unknown>;
  switch (raw.kind) {
    case 'info':
    case 'idle':
    case 'showMainWindow':
      return { kind: raw.kind };
    case 'setSettings':
      return typeof raw.change === 'object' && raw.change !== null
        ? { kind: 'setSettings', change: raw.change }
        : undefined;
    case 'notify': {
      const n = raw.notification as Record<string, unknown> | undefined;
      const text = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
      if (!n || !text(n.tag, 2048) || !text(n.title, 1024) || !text(n.body, 4096)) return undefined;
      const avatar = typeof n.avatar === 'string' && /^[0-9a-f]{40}$/u.test(n.avatar) ? n.avatar : undefined;
      const actions = Array.isArray(n.actions)
        ? n.actions.slice(0, 3).flatMap((a: unknown): NotificationAction[] => {
            const action = a as Record<string, unknown> | null;
            return action && text(action.id, 32) && /^[a-z-]+$/u.test(action.id) && text(action.label, 64)
              ? [{ id: action.id, label: action.label }]
              : [];
          })
        : [];
      return {
        kind: 'notify',
        notification: {
          tag: n.tag,
          title: n.title,
          body: n.body,
          ...(avatar ? { avatar } : {}),
          ...(actions.length > 0 ? { actions } : {}),
          ...(n.urgent === true ? { urgent: true } : {}),
        },
      };
    }
    case 'closeNotification':
      return typeof raw.tag === 'string' && raw.tag.length <= 2048
        ? { kind: 'closeNotification', tag: raw.tag }
        : undefined;
    default:
      return undefined;
  }
}
