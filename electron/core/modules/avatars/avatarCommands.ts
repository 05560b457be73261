// The avatar commands: what an account shows, a picture from the cache, publishing our own.
import type { CoreCommands } from '../../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';
import type { AvatarCache } from '../../files/avatarCache.ts';
import type { Store } from '../../store/index.ts';

export type AvatarCommands = Pick<CoreCommands, 'avatar.list' | 'avatar.get' | 'avatar.setOwn'>;

export function createAvatarCommands(
  cache: AvatarCache,
  store: Store,
  runtime: (account: AccountId) => AccountRuntime,
): AvatarCommands {
  return {
    'avatar.list': ({ account }) => Promise.resolve(store.avatars.list(account)),
    'avatar.get': ({ hash }) => {
      const image = cache.read(hash);
      return Promise.resolve(image ? { type: image.type, base64: image.bytes.toString('base64') } : null);
    },
    'avatar.setOwn': ({ account, image }) => runtime(account).modules.avatars.setOwn(image),
  };
}
