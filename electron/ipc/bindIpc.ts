// Binds the contract to Electron IPC: one invoke channel (validated, Result-wrapped), one event channel.
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels.ts';
import { fail, type Result } from '../../shared/ipc/result.ts';
import { type Core, dispatchCommand } from '../core/index.ts';
import { eventBatch } from '../core/eventBatch.ts';

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
  /** On EVENT_CHANNEL: the events of one turn of the engine's loop, in order (shared RaisedEvent[]). */
  send(channel: string, ...args: unknown[]): void;
  isDestroyed(): boolean;
}

export function bindIpc(
  ipcMain: IpcMainLike,
  core: Core,
  target: () => EventTarget | undefined,
  pageUrl: string,
): () => void {
  const batch = eventBatch((events) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, events);
  });
  ipcMain.handle(INVOKE_CHANNEL, async (event, name, arg) => {
    if (!isAppFrame(event, target(), pageUrl))
      return fail('forbidden', "Commands are answered only for the app's own window");
    const result = await dispatchCommand(core.commands, name, arg);
    // The events a command raised reach the window before its result.
    batch.flush();
    return result;
  });
  const off = core.events.onAny((name, payload) => batch.push({ name, payload }));
  return () => {
    off();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
