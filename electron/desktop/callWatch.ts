// Which calls run, as the main process needs to know it (the tray's Hang up, closing the window during a call).
import type { Call } from '../../shared/model/call.ts';

export interface CallWatch {
  inCall(): boolean;
  /** Hangs up every call that has not ended. */
  hangUp(): void;
}

export function watchCalls(
  events: { on(event: 'call.changed', listener: (payload: { call: Call }) => void): () => void },
  hangUp: (call: Call) => void,
  changed: () => void,
): CallWatch {
  const running = new Map<string, Call>();
  events.on('call.changed', ({ call }) => {
    const was = running.size;
    if (call.phase === 'ended') running.delete(call.sid);
    else running.set(call.sid, call);
    if ((was === 0) !== (running.size === 0)) changed();
  });
  return {
    inCall: () => running.size > 0,
    hangUp: () => {
      for (const call of running.values()) hangUp(call);
    },
  };
}
