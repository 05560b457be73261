// The group chat commands (XEP-0045 and friends), bound to an account's runtime.
import type { CoreCommands } from '../../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';
import { discoverRooms } from './discovery.ts';
import { createRoom } from './mucCreate.ts';
import type { Store } from '../../store/index.ts';
import { replyTo, targetOf } from '../../services/relationsOut.ts';

export type MucCommands = Pick<CoreCommands, Extract<keyof CoreCommands, `muc.${string}` | `bookmarks.${string}`>>;

export function createMucCommands(
  runtime: (account: AccountId) => AccountRuntime,
  markRead: (account: AccountId, room: BareJid) => void,
  store: Store,
): MucCommands {
  return {
    'muc.join': ({ account, room, nick, password, configure }) =>
      runtime(account).modules.muc.join(room, nick, password, configure),
    'muc.create': ({ account, ...req }) => createRoom(runtime(account), req),
    'muc.leave': async ({ account, room }) => {
      await runtime(account).modules.muc.leave(room);
    },
    'muc.rooms': ({ account }) => Promise.resolve(runtime(account).modules.muc.rooms()),
    'muc.occupants': ({ account, room }) => Promise.resolve(runtime(account).modules.muc.occupants(room)),
    'muc.send': ({ account, room, body, replyTo: id }) => {
      const { modules } = runtime(account);
      const target = id ? targetOf(store, account, room, id) : undefined;
      const nick = modules.muc.rooms().find((r) => r.jid === room)?.nick ?? '';
      return modules.muc.send(room, body, undefined, target ? replyTo(target, `${room}/${nick}`, nick) : undefined);
    },
    'muc.setSubject': async ({ account, room, subject }) => {
      await runtime(account).modules.muc.setSubject(room, subject);
    },
    'muc.setNick': async ({ account, room, nick }) => {
      await runtime(account).modules.muc.setNick(room, nick);
    },
    'muc.sendPrivate': ({ account, room, nick, body }) => runtime(account).modules.muc.sendPrivate(room, nick, body),
    'muc.markRead': ({ account, room }) => {
      runtime(account).modules.muc.markRead(room);
      markRead(account, room);
      return Promise.resolve();
    },
    'muc.setRole': async ({ account, room, nick, role, reason }) => {
      await runtime(account).modules.mucAdmin.setRole(room, nick, role, reason);
    },
    'muc.setAffiliation': async ({ account, room, jid, affiliation, reason }) => {
      await runtime(account).modules.mucAdmin.setAffiliation(room, jid, affiliation, reason);
    },
    'muc.affiliations': ({ account, room, affiliation }) =>
      runtime(account).modules.mucAdmin.affiliations(room, affiliation),
    'muc.getConfig': ({ account, room }) => runtime(account).modules.mucAdmin.getConfig(room),
    'muc.submitConfig': async ({ account, room, values }) => {
      const { mucAdmin, muc } = runtime(account).modules;
      await mucAdmin.submitConfig(room, values);
      await muc.refreshInfo(room).catch(() => undefined);
    },
    'muc.moderate': async ({ account, room, stanzaId, reason }) => {
      await runtime(account).modules.mucAdmin.moderate(room, stanzaId, reason);
    },
    'muc.destroy': async ({ account, room, reason }) => {
      await runtime(account).modules.mucAdmin.destroy(room, reason);
    },
    'muc.discover': ({ account, service }) => discoverRooms(runtime(account).connection, service),
    'bookmarks.list': ({ account }) => Promise.resolve(runtime(account).modules.bookmarks.list()),
    'bookmarks.set': async ({ account, bookmark }) => {
      await runtime(account).modules.bookmarks.set(bookmark);
    },
    'bookmarks.remove': async ({ account, room }) => {
      await runtime(account).modules.bookmarks.remove(room);
    },
    'muc.invite': async ({ account, room, jid, reason, mediated }) => {
      await runtime(account).modules.mucAdmin.invite(room, jid, reason, mediated);
    },
  };
}
