import type { CommandArg, CommandName, CommandResult, CoreEvents, EventName } from './contract.ts';
import type { Result } from './result.ts';

/** What a transport (Electron preload, WebSocket client) gives the UI. */
export interface XmppBridge {
  invoke<K extends CommandName>(name: K, arg: CommandArg<K>): Promise<Result<CommandResult<K>>>;
  on<E extends EventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void;
}

/** Wire frames of the WebSocket bridge. */
export type BridgeRequest = { type: 'invoke'; seq: number; name: string; arg: unknown };
/** One engine event as it crosses to the window (over WebSocket and Electron IPC alike). */
export interface RaisedEvent {
  name: string;
  payload: unknown;
}
export type BridgeFrame =
  | { type: 'result'; seq: number; result: Result<unknown> }
  /** Events raised within one turn of the engine's loop, in order (a room's occupant list is thousands). */
  | { type: 'events'; events: RaisedEvent[] };
