// Asking a contact's resource what it runs, its time and capabilities; the app-wide privacy switches.
import type { CoreCommands } from '../../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';
import type { Store } from '../../store/index.ts';
import { readPrivacy, writePrivacy } from './privacy.ts';

export type EntityCommands = Pick<
  CoreCommands,
  'entity.version' | 'entity.time' | 'entity.caps' | 'privacy.get' | 'privacy.set'
>;

export function createEntityCommands(
  store: Store,
  runtime: (account: AccountId) => AccountRuntime,
  runtimes: () => Iterable<AccountRuntime>,
): EntityCommands {
  return {
    'entity.version': ({ account, jid }) => runtime(account).modules.entityInfo.version(jid),
    'entity.time': ({ account, jid }) => runtime(account).modules.entityInfo.time(jid),
    'entity.caps': ({ account, jid }) => Promise.resolve(runtime(account).modules.caps.of(jid) ?? null),
    'privacy.get': () => Promise.resolve(readPrivacy(store.meta)),
    'privacy.set': async (settings) => {
      writePrivacy(store.meta, settings);
      await Promise.allSettled([...runtimes()].map((r) => r.modules.entityInfo.refresh()));
      return readPrivacy(store.meta);
    },
  };
}
