// The desktop channel beside the engine's: only the app's own window may use it, every request is
// checked, and notification clicks go back to that window.
import {
  DESKTOP_EVENT_CHANNEL,
  DESKTOP_INVOKE_CHANNEL,
  type DesktopEvent,
  type DesktopInfo,
  type DesktopNotification,
  type SystemIdle,
  parseDesktopRequest,
} from '../../shared/ipc/desktop.ts';
import { type EventTarget, type InvokeEventLike, isAppFrame } from '../ipc/bindIpc.ts';

export interface DesktopHandlers {
  info(): DesktopInfo;
  setSettings(change: unknown): DesktopInfo;
  notify(notification: DesktopNotification): void;
  closeNotification(tag: string): void;
  idle(): SystemIdle;
  showMainWindow(): void;
}

export interface DesktopIpcMain {
  handle(channel: string, listener: (event: InvokeEventLike, request: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export class DesktopRequestError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DesktopRequestError';
  }
}

export function bindDesktopIpc(
  ipcMain: DesktopIpcMain,
  handlers: DesktopHandlers,
  target: () => EventTarget | undefined,
  pageUrl: string,
): { send(event: DesktopEvent): void; unbind(): void } {
  ipcMain.handle(DESKTOP_INVOKE_CHANNEL, (event, raw) => {
    if (!isAppFrame(event, target(), pageUrl)) return Promise.reject(new DesktopRequestError('forbidden'));
    const request = parseDesktopRequest(raw);
    if (!request) return Promise.reject(new DesktopRequestError('invalid request'));
    switch (request.kind) {
      case 'info':
        return Promise.resolve(handlers.info());
      case 'setSettings':
        return Promise.resolve(handlers.setSettings(request.change));
      case 'notify':
        handlers.notify(request.notification);
        return Promise.resolve(null);
      case 'closeNotification':
        handlers.closeNotification(request.tag);
        return Promise.resolve(null);
      case 'idle':
        return Promise.resolve(handlers.idle());
      case 'showMainWindow':
        handlers.showMainWindow();
        return Promise.resolve(null);
    }
  });
  return {
    send: (event) => {
      const contents = target();
      if (contents && !contents.isDestroyed()) contents.send(DESKTOP_EVENT_CHANNEL, event.kind, event);
    },
    unbind: () => ipcMain.removeHandler(DESKTOP_INVOKE_CHANNEL),
  };
}
