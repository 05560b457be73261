// The profile commands (XEP-0292 with vCard-temp as the reading fallback), bound to an account's runtime.
import type { CoreCommands } from '../../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';

export type ProfileCommands = Pick<CoreCommands, 'profile.own' | 'profile.setOwn' | 'profile.get'>;

export function createProfileCommands(runtime: (account: AccountId) => AccountRuntime): ProfileCommands {
  const profile = (account: AccountId) => runtime(account).modules.profile;
  return {
    'profile.own': ({ account }) => profile(account).own(),
    'profile.setOwn': ({ account, profile: value }) => profile(account).setOwn(value),
    'profile.get': ({ account, jid }) => profile(account).of(jid),
  };
}
