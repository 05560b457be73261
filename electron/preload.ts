// Exposes only the generic invoke/on of the contract to the sandboxed renderer, and the desktop bridge.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { RaisedEvent, XmppBridge } from '../shared/ipc/bridge.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../shared/ipc/channels.ts';
import {
  DESKTOP_EVENT_CHANNEL,
  DESKTOP_INVOKE_CHANNEL,
  type DesktopBridge,
  type DesktopRequest,
} from '../shared/ipc/desktop.ts';

const bridge: XmppBridge = {
  invoke: (name, arg) => ipcRenderer.invoke(INVOKE_CHANNEL, name, arg),
  on: (event, listener) => {
    const handler = (_e: IpcRendererEvent, events: readonly RaisedEvent[]): void => {
      for (const { name, payload } of events) if (name === event) listener(payload as Parameters<typeof listener>[0]);
    };
    ipcRenderer.on(EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, handler);
    };
  },
};

const ask = <T>(request: DesktopRequest): Promise<T> =>
  ipcRenderer.invoke(DESKTOP_INVOKE_CHANNEL, request) as Promise<T>;

const desktop: DesktopBridge = {
  info: () => ask({ kind: 'info' }),
  setSettings: (change) => ask({ kind: 'setSettings', change }),
  notify: (notification) => ask({ kind: 'notify', notification }),
  closeNotification: (tag) => ask({ kind: 'closeNotification', tag }),
  idle: () => ask({ kind: 'idle' }),
  showMainWindow: () => ask({ kind: 'showMainWindow' }),
  onNotificationClicked: (listener) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: { tag?: unknown }): void => {
      if (name === 'notificationClicked' && typeof payload.tag === 'string') listener(payload.tag);
    };
    ipcRenderer.on(DESKTOP_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(DESKTOP_EVENT_CHANNEL, handler);
    };
  },
  onNotificationAction: (listener) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: { tag?: unknown; action?: unknown }): void => {
      if (name === 'notificationAction' && typeof payload.tag === 'string' && typeof payload.action === 'string')
        listener(payload.tag, payload.action);
    };
    ipcRenderer.on(DESKTOP_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(DESKTOP_EVENT_CHANNEL, handler);
    };
  },
  onCallWindow: (listener) => {
    const handler = (_e: IpcRendererEvent, name: string, payload: { compact?: unknown }): void => {
      if (name === 'callWindow' && typeof payload.compact === 'boolean') listener(payload.compact);
    };
    ipcRenderer.on(DESKTOP_EVENT_CHANNEL, handler);
    return () => {
      ipcRenderer.removeListener(DESKTOP_EVENT_CHANNEL, handler);
    };
  },
};

contextBridge.exposeInMainWorld('xmpp', bridge);
contextBridge.exposeInMainWorld('desktop', desktop);
