// The commands of the talk's services and of who is who (XEP-0030/0050, 0100, avatars, profiles, what clients
// tell) and of accounts on their servers: each bound to the account runtimes, gathered here for the Core.
import type { AccountId } from '../../shared/model/account.ts';
import type { AccountRuntime } from './account/accountRuntime.ts';
import { type AccountManagementCommands, createAccountManagement } from './account/accountManagement.ts';
import type { AvatarCache } from './files/avatarCache.ts';
import { type AdhocCommands, createAdhocCommands } from './modules/adhoc/adhocCommands.ts';
import { type AvatarCommands, createAvatarCommands } from './modules/avatars/avatarCommands.ts';
import { createEntityCommands, type EntityCommands } from './modules/entityInfo/entityCommands.ts';
import { createGatewayCommands, type GatewayCommands } from './modules/gateways/gatewayCommands.ts';
import { createProfileCommands, type ProfileCommands } from './modules/profile/profileCommands.ts';
import type { Store } from './store/index.ts';

export type ServiceCommands = AdhocCommands &
  GatewayCommands &
  AvatarCommands &
  ProfileCommands &
  EntityCommands &
  AccountManagementCommands;

export function createServiceCommands(deps: {
  store: Store;
  avatarCache: AvatarCache;
  runtime: (account: AccountId) => AccountRuntime;
  runtimes: () => Iterable<AccountRuntime>;
  savePassword: (account: AccountId, password: string) => Promise<void>;
  removeLocally: (account: AccountId) => Promise<void>;
  accountsChanged: () => Promise<void>;
}): ServiceCommands {
  const { store, runtime } = deps;
  return {
    ...createAdhocCommands(runtime),
    ...createGatewayCommands(runtime),
    ...createAvatarCommands(deps.avatarCache, store, runtime),
    ...createProfileCommands(runtime),
    ...createEntityCommands(store, runtime, deps.runtimes),
    ...createAccountManagement({
      store,
      runtime,
      savePassword: deps.savePassword,
      removeLocally: deps.removeLocally,
      changed: deps.accountsChanged,
    }),
  };
}
