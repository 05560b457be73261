// The taskbar/dock badge follows the unread count the renderer puts in the window title ("(3) JabberDesk");
// Windows, which has no badge count, gets an overlay icon on the taskbar button instead.
import type { App, BrowserWindow, NativeImage } from 'electron';
import { unreadFromTitle } from '../../shared/model/unreadTitle.ts';

export interface WindowsOverlay {
  icon: NativeImage;
  /** What a screen reader says about the overlay. */
  describe(count: number): string;
}

export function followUnreadBadge(
  window: Pick<BrowserWindow, 'on' | 'setOverlayIcon'>,
  app: Pick<App, 'setBadgeCount'>,
  overlay?: WindowsOverlay,
): void {
  let shown = 0;
  window.on('page-title-updated', (_event, title) => {
    const count = unreadFromTitle(title);
    // Not every desktop has badges (setBadgeCount answers false there); the title still shows the count.
    app.setBadgeCount(count);
    if (overlay && count > 0 !== shown > 0)
      window.setOverlayIcon(count > 0 ? overlay.icon : null, count > 0 ? overlay.describe(count) : '');
    shown = count;
  });
}
