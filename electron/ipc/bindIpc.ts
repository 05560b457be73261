// Binds the contract to Electron IPC: one invoke channel (validated, Result-wrapped), one event channel.
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { type Core, dispatchCommand } from '../core/index.ts';

/** The slice of Electron's ipcMain and webContents this needs (so it can be exercised without Electron). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: unknown, name: unknown, arg: unknown) => Promise<Result<unknown>>): void;
  removeHandler(channel: string): void;
}
export interface EventTarget {
  send(channel: string, name: string, payload: unknown): void;
  isDestroyed(): boolean;
}

export function bindIpc(ipcMain: IpcMainLike, core: Core, target: () => EventTarget | undefined): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (_event, name, arg) => dispatchCommand(core.commands, name, arg));
  const off = core.events.onAny((name, payload) => {
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(EVENT_CHANNEL, name, payload);
  });
  return () => {
    off();
    ipcMain.removeHandler(INVOKE_CHANNEL);
  };
}
