// The call commands, bound to the account runtimes.
import type { CallCommands } from '../../../../shared/ipc/callContract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';

export function createCallCommands(
  runtime: (account: AccountId) => AccountRuntime,
  runtimes: () => Iterable<AccountRuntime>,
): CallCommands {
  const calls = (account: AccountId) => runtime(account).modules.calls;
  return {
    'call.capabilities': ({ account, peer }) => {
      const { modules } = runtime(account);
      const resources = modules.presence.list().find((p) => p.jid === peer)?.resources ?? [];
      const can = { audio: false, video: false };
      for (const { resource } of resources) {
        const features = modules.caps.of(`${peer}/${resource}`)?.features ?? [];
        const device = modules.calls.capable(features);
        can.audio ||= device.audio;
        can.video ||= device.video;
      }
      return Promise.resolve(can);
    },
    'call.start': ({ account, peer, video }) => calls(account).start(peer, video),
    'call.accept': ({ account, sid }) => calls(account).accept(sid),
    'call.reject': ({ account, sid }) => calls(account).reject(sid),
    'call.hangup': ({ account, sid }) => calls(account).hangup(sid),
    'call.description': ({ account, sid, type, sdp }) => calls(account).description(sid, type, sdp),
    'call.candidate': ({ account, sid, candidate, sdpMid }) => calls(account).candidate(sid, candidate, sdpMid),
    'call.connection': ({ account, sid, state }) => calls(account).connection(sid, state),
    'call.info': ({ account, sid, info }) => calls(account).info(sid, info),
    'call.list': () => Promise.resolve([...runtimes()].flatMap((r) => r.modules.calls.list())),
  };
}
