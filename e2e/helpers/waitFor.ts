import type { CoreEvents, EventName } from '../../shared/ipc/contract.ts';
import type { Core } from '../../electron/core/index.ts';

/** Resolves with the first event that matches, rejects after the timeout with what was asked for. */
export function waitForEvent<E extends EventName>(
  core: Core,
  event: E,
  match: (payload: CoreEvents[E]) => boolean = () => true,
  timeoutMs = 10_000,
): Promise<CoreEvents[E]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out waiting for ${event}`));
    }, timeoutMs);
    const off = core.events.on(event, (payload) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      off();
      resolve(payload);
    });
  });
}

/** Polls until check() returns a truthy value. */
export async function eventually<T>(
  check: () => T | Promise<T>,
  what: string,
  timeoutMs = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
