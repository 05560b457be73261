// OS notifications from the main process (Electron's Notification): one per tag — a new one with the
// same tag replaces the shown one — and a click brings the window to front and tells the page which.
import type { Notification, NotificationConstructorOptions } from 'electron';
import type { DesktopNotification } from '../../shared/ipc/desktop.ts';

export type NotificationLike = Pick<Notification, 'show' | 'close' | 'on'>;

export interface Notifier {
  /** `icon`: the sender's avatar, when the app has it. */
  notify(notification: DesktopNotification, icon?: NotificationConstructorOptions['icon']): void;
  /** How many are on screen (kept referenced, or a click would reach a collected object). */
  readonly shown: number;
}

export function createNotifier(
  make: (options: NotificationConstructorOptions) => NotificationLike,
  supported: () => boolean,
  onClick: (tag: string) => void,
): Notifier {
  const byTag = new Map<string, NotificationLike>();
  return {
    notify: ({ tag, title, body }, icon) => {
      if (!supported()) return;
      byTag.get(tag)?.close();
      // The sound is the app's own chime (a setting), so the system's is off.
      const notification = make({ title, body, silent: true, ...(icon ? { icon } : {}) });
      byTag.set(tag, notification);
      notification.on('click', () => {
        byTag.delete(tag);
        onClick(tag);
      });
      notification.on('close', () => {
        if (byTag.get(tag) === notification) byTag.delete(tag);
      });
      notification.show();
    },
    get shown() {
      return byTag.size;
    },
  };
}
