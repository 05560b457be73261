// OS notifications from the main process (Electron's Notification): one per tag — a new one with the
// same tag replaces the shown one — and a click brings the window to front and tells the page which.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { DesktopNotification } from '../../shared/ipc/desktop.ts';

export type NotificationLike = Pick<Notification, 'show' | 'close' | 'on'>;

export interface Notifier {
  /** `icon`: the sender's avatar, when the app has it. */
  notify(notification: DesktopNotification, icon?: NotificationConstructorOptions['icon']): void;
  close(tag: string): void;
  /** How many are on screen (kept referenced, or a click would reach a collected object). */
  readonly shown: number;
}

export function createNotifier(
  make: (options: NotificationConstructorOptions) => NotificationLike,
  supported: () => boolean,
  onClick: (tag: string) => void,
  onAction: (tag: string, action: string) => void = () => undefined,
): Notifier {
  const byTag = new Map<string, NotificationLike>();
  return {
    notify: ({ tag, title, body, actions = [], urgent }, icon) => {
      if (!supported()) return;
      byTag.get(tag)?.close();
      // The sound is the app's own chime (a setting), so the system's is off.
      const notification = make({
        title,
        body,
        silent: true,
        ...(icon ? { icon } : {}),
        ...(actions.length > 0 ? { actions: actions.map((a) => ({ type: 'button' as const, text: a.label })) } : {}),
        ...(urgent ? { timeoutType: 'never' as const, urgency: 'critical' as const } : {}),
      });
      byTag.set(tag, notification);
      notification.on('click', () => {
        byTag.delete(tag);
        onClick(tag);
      });
      notification.on('action', (_event, index) => {
        const action = actions[index];
        if (!action) return;
        byTag.delete(tag);
        onAction(tag, action.id);
      });
      notification.on('close', () => {
        if (byTag.get(tag) === notification) byTag.delete(tag);
      });
      notification.show();
    },
    close: (tag) => {
      const notification = byTag.get(tag);
      byTag.delete(tag);
      notification?.close();
    },
    get shown() {
      return byTag.size;
    },
  };
}
