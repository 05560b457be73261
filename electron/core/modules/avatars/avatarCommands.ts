// The avatar commands: what an account shows, a picture from the cache, publishing our own.
import type { CoreCommands } from '../../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';
import type { AvatarCache } from '../../files/avatarCache.ts';
import type { Store } from '../../store/index.ts';

export type AvatarCommands = Pick<
  CoreCommands,
  'avatar.list' | 'avatar.get' | 'avatar.occupant' | 'avatar.setOwn' | 'avatar.setRoom'
>;

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
    'avatar.occupant': async ({ account, room, nick }) => {
      const { muc, avatars } = runtime(account).modules;
      const hash = muc.occupants(room).find((o) => o.nick === nick)?.avatar;
      const found = hash && (await avatars.occupant(`${room}/${nick}`, hash)) ? cache.read(hash) : undefined;
      return found ? { type: found.type, base64: found.bytes.toString('base64') } : null;
    },
    'avatar.setOwn': ({ account, image }) => runtime(account).modules.avatars.setOwn(image),
    'avatar.setRoom': ({ account, room, image }) => runtime(account).modules.avatars.setRoom(room, image),
  };
}
