import type { CoreEvents, EventName } from '../../shared/ipc/contract.ts';
import { createLogger } from './log.ts';

type AnyListener = <E extends EventName>(event: E, payload: CoreEvents[E]) => void;
const log = createLogger('events');

/** A typed emitter of the contract's events; a failing listener never stops the others. */
export class CoreEmitter {
  readonly #listeners = new Set<AnyListener>();

  readonly emit = <E extends EventName>(event: E, payload: CoreEvents[E]): void => {
    for (const listener of this.#listeners) {
      try {
        listener(event, payload);
      } catch (error) {
        log.warn('an event listener failed', { event, error: String(error) });
      }
    }
  };

  on<E extends EventName>(event: E, listener: (payload: CoreEvents[E]) => void): () => void {
    return this.onAny((name: EventName, payload: unknown) => {
      if (name === event) listener(payload as CoreEvents[E]);
    });
  }

  /** Every event, for transports that forward all of them. */
  onAny(listener: AnyListener): () => void {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  }
}
