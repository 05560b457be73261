// One notification per chat, however many messages arrive: the first starts a short window, the rest
// are counted into it, and one notification (replacing the chat's previous one) shows at its end.
export interface Burst<T> {
  key: string;
  first: T;
  last: T;
  count: number;
}

export class Coalescer<T> {
  readonly #pending = new Map<string, Burst<T>>();
  readonly #show: (burst: Burst<T>) => void;
  readonly #windowMs: number;
  readonly #schedule: (task: () => void, ms: number) => unknown;

  constructor(
    show: (burst: Burst<T>) => void,
    windowMs = 1000,
    schedule: (task: () => void, ms: number) => unknown = (task, ms) => setTimeout(task, ms),
  ) {
    this.#show = show;
    this.#windowMs = windowMs;
    this.#schedule = schedule;
  }

  add(key: string, item: T): void {
    const burst = this.#pending.get(key);
    if (burst) {
      burst.last = item;
      burst.count++;
      return;
    }
    this.#pending.set(key, { key, first: item, last: item, count: 1 });
    this.#schedule(() => {
      const done = this.#pending.get(key);
      this.#pending.delete(key);
      if (done) this.#show(done);
    }, this.#windowMs);
  }

  /** The chat was opened: what was waiting for it is dropped. */
  drop(key: string): void {
    this.#pending.delete(key);
  }
}
