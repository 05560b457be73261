// The UI's one way to the engine: Electron's preload bridge, or the WebSocket bridge in web mode.
import type { BridgeFrame, XmppBridge } from '../../shared/ipc/bridge.ts';
import type { CommandArg, CommandName, CommandResult, CoreEvents, EventName } from '../../shared/ipc/contract.ts';
import { CommandError, fail, type Result } from '../../shared/ipc/result.ts';
import { decodeWire, encodeWire } from '../../shared/ipc/wireCodec.ts';

declare global {
  interface Window {
    xmpp?: XmppBridge;
  }
}

export function webSocketBridge(url: string, protocols: string[]): XmppBridge {
  const socket = new WebSocket(url, protocols);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('Cannot reach the engine bridge')), { once: true });
  });
  opened.catch(() => undefined);
  let seq = 0;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  // A bridge that goes away (the engine stopped) fails what is still waiting instead of hanging it.
  socket.addEventListener('close', () => {
    for (const resolve of pending.values()) resolve(fail('failed', 'The connection to the engine was closed'));
    pending.clear();
  });
  socket.addEventListener('message', (message: MessageEvent<string>) => {
    const frame = decodeWire(message.data) as BridgeFrame;
    if (frame.type === 'result') {
      pending.get(frame.seq)?.(frame.result);
      pending.delete(frame.seq);
    } else {
      for (const { name, payload } of frame.events) for (const listener of listeners.get(name) ?? []) listener(payload);
    }
  });
  return {
    invoke: async <K extends CommandName>(name: K, arg: CommandArg<K>) => {
      try {
        await opened;
      } catch (error) {
        return fail('failed', error instanceof Error ? error.message : String(error));
      }
      if (socket.readyState !== WebSocket.OPEN) return fail('failed', 'The connection to the engine was closed');
      const id = ++seq;
      return new Promise<Result<CommandResult<K>>>((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        socket.send(encodeWire({ type: 'invoke', seq: id, name, arg }));
      });
    },
    on: <E extends EventName>(event: E, listener: (payload: CoreEvents[E]) => void) => {
      const set = listeners.get(event) ?? new Set();
      const wrapped = (payload: unknown): void => listener(payload as CoreEvents[E]);
      set.add(wrapped);
      listeners.set(event, set);
      return () => {
        set.delete(wrapped);
      };
    },
  };
}

/** Without an engine every command fails with this message, which the app shows. */
function missingBridge(message: string): XmppBridge {
  return { invoke: () => Promise.resolve(fail('failed', message)), on: () => () => undefined };
}

const TOKEN_KEY = 'jabberdesk.bridgeToken';

function pickBridge(): XmppBridge {
  if (window.xmpp) return window.xmpp;
  const port = new URLSearchParams(window.location.search).get('bridgePort');
  const given = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (given) {
    // Out of the address bar and the history once read; kept for this tab only, so a reload still connects.
    window.sessionStorage.setItem(TOKEN_KEY, given);
    window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}`);
  }
  const token = given ?? window.sessionStorage.getItem(TOKEN_KEY);
  if (!port || !token) return missingBridge('open this page from the app or from `npm run demo`');
  return webSocketBridge(`ws://127.0.0.1:${port}/`, ['jabberdesk.v1', token]);
}

export const bridge = pickBridge();
/** The desktop app (Electron's preload) can open files with the system; the web mode cannot. */
export const isDesktop = Boolean(window.xmpp);

/** Runs a command and unwraps its Result (throws CommandError on failure). */
export async function call<K extends CommandName>(name: K, arg: CommandArg<K>): Promise<CommandResult<K>> {
  const result = await bridge.invoke(name, arg);
  if (!result.ok) throw new CommandError(result.error);
  return result.value;
}
