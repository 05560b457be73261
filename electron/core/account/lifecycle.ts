import { createLogger } from '../log.ts';
import type { Lifecycle } from '../xmpp/module.ts';

const log = createLogger('lifecycle');

/** The online/offline hooks that modules register; run in registration order. */
export function createLifecycle(): Lifecycle & { runOnline(): Promise<void>; runOffline(): void } {
  const online: Array<() => Promise<void> | void> = [];
  const offline: Array<() => void> = [];
  const remove = <T>(list: T[], item: T) => () => { list.splice(list.indexOf(item), 1); };
  return {
    onOnline: (handler) => { online.push(handler); return remove(online, handler); },
    onOffline: (handler) => { offline.push(handler); return remove(offline, handler); },
    async runOnline() {
      for (const handler of [...online]) {
        try {
          await handler();
        } catch (error) {
          log.warn('an online hook failed', { error: String(error) });
        }
      }
    },
    runOffline() {
      for (const handler of [...offline]) {
        try {
          handler();
        } catch (error) {
          log.warn('an offline hook failed', { error: String(error) });
        }
      }
    },
  };
}
