// The tray icon: an unread marker, and a menu to show or hide the window, set the presence, and quit.
// Labels are the app's own two languages, picked from the system locale (the main process has no UI store).
import type { Menu, MenuItemConstructorOptions, NativeImage, Tray } from 'electron';
import type { PresenceShow } from '../../shared/model/presence.ts';

export type TrayLike = Pick<Tray, 'setToolTip' | 'setContextMenu' | 'setImage' | 'on'>;

const LABELS = {
  en: {
    show: 'Show JabberDesk',
    hide: 'Hide JabberDesk',
    online: 'Online',
    away: 'Away',
    dnd: 'Do not disturb',
    offline: 'Offline',
    quit: 'Quit',
    unread: '{count} unread',
    hangUp: 'Hang up the call',
  },
  de: {
    show: 'JabberDesk zeigen',
    hide: 'JabberDesk ausblenden',
    online: 'Online',
    away: 'Abwesend',
    dnd: 'Nicht stören',
    offline: 'Offline',
    quit: 'Beenden',
    unread: '{count} ungelesen',
    hangUp: 'Anruf beenden',
  },
} as const;

export interface TrayActions {
  windowVisible(): boolean;
  toggleWindow(): void;
  setPresence(show: Extract<PresenceShow, 'online' | 'away' | 'dnd' | 'offline'>): void;
  quit(): void;
  /** A call runs: the menu offers to hang it up. */
  inCall?(): boolean;
  hangUp?(): void;
}

export interface AppTray {
  setUnread(count: number): void;
  refresh(): void;
}

export function createAppTray(
  tray: TrayLike,
  buildMenu: (template: MenuItemConstructorOptions[]) => Menu,
  icons: { normal: NativeImage; unread: NativeImage },
  actions: TrayActions,
  locale: string,
): AppTray {
  const labels = locale.toLowerCase().startsWith('de') ? LABELS.de : LABELS.en;
  let unread = 0;
  const refresh = (): void => {
    const shows = ['online', 'away', 'dnd', 'offline'] as const;
    tray.setContextMenu(
      buildMenu([
        { label: actions.windowVisible() ? labels.hide : labels.show, click: () => actions.toggleWindow() },
        ...(actions.inCall?.() ? [{ label: labels.hangUp, click: () => actions.hangUp?.() }] : []),
        { type: 'separator' },
        ...shows.map((show) => ({ label: labels[show], click: () => actions.setPresence(show) })),
        { type: 'separator' },
        { label: labels.quit, click: () => actions.quit() },
      ]),
    );
    tray.setImage(unread > 0 ? icons.unread : icons.normal);
    tray.setToolTip(unread > 0 ? `JabberDesk — ${labels.unread.replace('{count}', String(unread))}` : 'JabberDesk');
  };
  tray.on('click', () => actions.toggleWindow());
  refresh();
  return {
    setUnread: (count) => {
      if (count === unread) return;
      unread = count;
      refresh();
    },
    refresh,
  };
}

/**
 * Closing the window keeps the app running in the tray (where one exists), until Quit. While a call runs the
 * close is handed to `closedInCall` (the window becomes the call's own small window): the call lives in it.
 */
export function keepRunningInTray(
  window: {
    on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown;
    hide(): void;
  },
  app: { on(event: 'before-quit', listener: () => void): unknown },
  enabled: () => boolean,
  call: { inCall(): boolean; closedInCall(): void } = { inCall: () => false, closedInCall: () => undefined },
): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    if (quitting || !enabled()) return;
    event.preventDefault();
    if (call.inCall()) call.closedInCall();
    else window.hide();
  });
}
