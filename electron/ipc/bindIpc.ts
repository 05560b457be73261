// Binds the contract to Electron IPC: one invoke channel (validated, Result-wrapped), one event channel.
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels.ts';
import { fail, type Result } from '../../shared/ipc/result.ts';
import { type Core, dispatchCommand } from '../core/index.ts';

/** What an invoke tells about who sent it (Electron's IpcMainInvokeEvent, in part). */
export interface InvokeEventLike {
  sender: unknown;
  senderFrame: { url: string; parent: unknown } | null;
}

/** The slice of Electron's ipcMain and webContents this needs (so it can be exercised without Electron). */
export interface IpcMainLike {
  handle(
    channel: string,
    listener: (event: InvokeEventLike, name: unknown, arg: unknown) => Promise<Result<unknown>>,
  ): void;
  removeHandler(channel: string): void;
}

/**
 * Commands are answered only for the main window's top frame showing the app's own page: not for an
 * iframe, another window, or a page the window was navigated to.
 */
export function isAppFrame(event: InvokeEventLike, window: unknown, pageUrl: string): boolean {
  const frame = event.senderFrame;
  if (!frame || frame.parent !== null || window === undefined || event.sender !== window) return false;
  return frame.url.split('#')[0] === pageUrl;
}
export interface EventTarget {
  send(channel: string, name: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export function bindIpc(
  ipcMain: IpcMainLike,
  core: Core,
  target: () => EventTarget | undefined,
  pageUrl: string,
): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, name, arg) =>
    isAppFrame(event, target(), pageUrl)
      ? dispatchCommand(core.commands, name, arg)
      : Promise.resolve(fail('forbidden', "Commands are answered only for the app's own window")),
  );
  const off = core.events.onAny((name, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    off();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
