import { createLogger } from '../log.ts';
import type { Lifecycle } from '../xmpp/module.ts';

const log = createLogger('lifecycle');

/** The online/offline hooks that modules register; run in registration order. */
export function createLifecycle(): Lifecycle & {
  runOnline(): Promise<void>;
  runResumed(): Promise<void>;
  runOffline(): void;
} {
  const online: Array<() => Promise<void> | void> = [];
  const resumed: Array<() => Promise<void> | void> = [];
  const offline: Array<() => void> = [];
  const runAll = async (handlers: Array<() => Promise<void> | void>, what: string): Promise<void> => {
    for (const handler of [...handlers]) {
      try {
        await handler();
      } catch (error) {
        log.warn(`an ${what} hook failed`, { error: String(error) });
      }
    }
  };
  const remove =
    <T>(list: T[], item: T) =>
    () => {
      list.splice(list.indexOf(item), 1);
    };
  return {
    onOnline: (handler) => {
      online.push(handler);
      return remove(online, handler);
    },
    onResumed: (handler) => {
      resumed.push(handler);
      return remove(resumed, handler);
    },
    onOffline: (handler) => {
      offline.push(handler);
      return remove(offline, handler);
    },
    runOnline: () => runAll(online, 'online'),
    runResumed: () => runAll(resumed, 'resumed'),
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
