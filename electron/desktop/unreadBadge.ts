// The taskbar/dock badge follows the unread count the renderer puts in the window title ("(3) JabberDesk").
import type { App, BrowserWindow } from 'electron';
import { unreadFromTitle } from '../../shared/model/unreadTitle.ts';

export function followUnreadBadge(window: Pick<BrowserWindow, 'on'>, app: Pick<App, 'setBadgeCount'>): void {
  window.on('page-title-updated', (_event, title) => {
    // Not every desktop has badges (setBadgeCount answers false there); the title still shows the count.
    app.setBadgeCount(unreadFromTitle(title));
  });
}
