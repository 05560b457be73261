// A step a server may refuse for a moment (ejabberd just after an account is made, a picture announced before
// it can be handed out): tried again after each wait, as long as the failure is one worth waiting out.
import { setTimeout as sleep } from 'node:timers/promises';

export async function tryAgain<T>(
  attempt: () => Promise<T>,
  waitsMs: readonly number[],
  worthWaiting: (error: unknown) => boolean = () => true,
): Promise<T> {
  for (const wait of waitsMs) {
    try {
      return await attempt();
    } catch (error) {
      if (!worthWaiting(error)) throw error;
      await sleep(wait);
    }
  }
  return attempt();
}
