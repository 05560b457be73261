// Occupant changes leave the engine in one batch per room, each nick with its latest state. A room being
// joined sends its occupants every quarter of a second, and the rest when our own presence completes the
// join (XEP-0045 §7.2.3 puts ours last); a joined room sends what changed once per turn of the loop.
// A 5,000-occupant join is then a handful of messages to the window instead of one per occupant; the
// window reads them while the join goes on (it repaints once it completes), not all at the end.
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Occupant } from '../../../../shared/model/muc.ts';

export const JOINING_BATCH_MS = 250;

export interface OccupantBatch {
  room: BareJid;
  /** Occupants who came or changed, in their latest state. */
  present: Occupant[];
  /** Nicks that left. */
  gone: string[];
}

export interface OccupantChanges {
  present(room: BareJid, occupant: Occupant): void;
  gone(room: BareJid, nick: string): void;
  /** Sends what is waiting for the room now (the join is complete, or the room was left). */
  flush(room: BareJid): void;
  /** Drops whatever is waiting, and every timer. */
  dispose(): void;
}

interface Pending {
  /** Latest state per nick; undefined: left. */
  nicks: Map<string, Occupant | undefined>;
  cancel: () => void;
}

export interface Timers {
  soon(run: () => void): () => void;
  after(ms: number, run: () => void): () => void;
}

const nodeTimers: Timers = {
  soon: (run) => {
    const handle = setImmediate(run);
    return () => clearImmediate(handle);
  },
  after: (ms, run) => {
    const handle = setTimeout(run, ms);
    return () => clearTimeout(handle);
  },
};

export function occupantChanges(
  deliver: (batch: OccupantBatch) => void,
  joining: (room: BareJid) => boolean,
  timers: Timers = nodeTimers,
): OccupantChanges {
  const pending = new Map<BareJid, Pending>();
  const flush = (room: BareJid): void => {
    const waiting = pending.get(room);
    if (!waiting) return;
    pending.delete(room);
    waiting.cancel();
    const present: Occupant[] = [];
    const gone: string[] = [];
    for (const [nick, occupant] of waiting.nicks) {
      if (occupant) present.push(occupant);
      else gone.push(nick);
    }
    deliver({ room, present, gone });
  };
  const note = (room: BareJid, nick: string, occupant: Occupant | undefined): void => {
    let waiting = pending.get(room);
    if (!waiting) {
      const run = (): void => flush(room);
      waiting = {
        nicks: new Map(),
        cancel: joining(room) ? timers.after(JOINING_BATCH_MS, run) : timers.soon(run),
      };
      pending.set(room, waiting);
    }
    // A nick that comes back goes to the end, so `present` keeps the order of arrival.
    waiting.nicks.delete(nick);
    waiting.nicks.set(nick, occupant);
  };
  return {
    present: (room, occupant) => note(room, occupant.nick, occupant),
    gone: (room, nick) => note(room, nick, undefined),
    flush,
    dispose: () => {
      for (const waiting of pending.values()) waiting.cancel();
      pending.clear();
    },
  };
}
