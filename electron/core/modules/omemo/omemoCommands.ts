// The contract's OMEMO commands, bound to an account's OMEMO module.
import type { OmemoCommands } from '../../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { parseVerificationUri } from '../../../../shared/model/omemo.ts';
import type { OmemoApi, RoomRecipients } from './omemo.ts';

/** `roomOf`: a joined room's members (whose devices its messages are encrypted for) and whether it can be; undefined for a contact. */
export function createOmemoCommands(
  omemoOf: (account: AccountId) => OmemoApi,
  roomOf: (account: AccountId, peer: BareJid) => Promise<RoomRecipients | undefined>,
): OmemoCommands {
  const stateOf = async (account: AccountId, peer: BareJid, refresh?: boolean) =>
    omemoOf(account).chatState(peer, await roomOf(account, peer), refresh);
  return {
    'omemo.ownDevice': ({ account }) => Promise.resolve(omemoOf(account).ownDevice()),
    'omemo.chatState': ({ account, peer, refresh }) => stateOf(account, peer, refresh),
    'omemo.setEnabled': ({ account, peer, enabled }) => {
      omemoOf(account).setEnabled(peer, enabled);
      return stateOf(account, peer);
    },
    'omemo.setTrust': ({ account, jid, device, trust }) =>
      Promise.resolve(omemoOf(account).setTrust(jid, device, trust)),
    'omemo.removeDevice': ({ account, device }) => omemoOf(account).removeOwnDevice(device),
    'omemo.verifyUri': async ({ account, uri }) => {
      const parsed = parseVerificationUri(uri);
      if (!parsed || parsed.fingerprints.length === 0)
        throw new Error('This is not an OMEMO verification link (xmpp:…?omemo-sid-…=…)');
      const omemo = omemoOf(account);
      const state = await omemo.chatState(parsed.jid, undefined, true);
      let verified = 0;
      for (const device of state.devices) {
        const match = parsed.fingerprints.some((f) =>
          [device.fingerprint, device.fingerprint2].some((known) => known?.replace(/\s+/gu, '') === f.fingerprint),
        );
        if (device.jid === parsed.jid && match) {
          omemo.setTrust(device.jid, device.id, 'verified');
          verified++;
        }
      }
      return { verified };
    },
  };
}
