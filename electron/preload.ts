// Exposes only the generic invoke/on of the contract to the sandboxed renderer.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { XmppBridge } from '../shared/ipc/bridge.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipc/channels.ts';

const bridge: XmppBridge = {
  invoke: (name, arg) => ipcRenderer.invoke(INVOKE_CHANNEL, name, arg),
  on: (event, listener) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: unknown): void => {
      if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('xmpp', bridge);
