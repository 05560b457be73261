// The engine's events for one window, sent once per turn of the loop: a burst (a room's thousands of
// occupants, an archive page) is one message across the process or socket boundary instead of one each.
// flush() sends what is waiting at once, so a command's result never overtakes the events it raised.
import type { RaisedEvent } from '../../shared/ipc/bridge.ts';

export interface EventBatch {
  push(event: RaisedEvent): void;
  flush(): void;
}

export function eventBatch(deliver: (events: RaisedEvent[]) => void): EventBatch {
  let waiting: RaisedEvent[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (waiting.length === 0) return;
    const events = waiting;
    waiting = [];
    deliver(events);
  };
  return {
    push: (event) => {
      waiting.push(event);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}
