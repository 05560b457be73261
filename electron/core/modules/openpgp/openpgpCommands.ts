// The OpenPGP commands and the chat encryption choice, bound to an account's runtime.
import type { ChatEncryption, OpenPgpCommands } from '../../../../shared/ipc/openpgpContract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { EncryptionChoice } from '../e2e/encryptionRouter.ts';
import type { EndToEnd } from '../../xmpp/module.ts';
import type { OpenPgpApi } from './openpgp.ts';

export function createOpenPgpCommands(
  modules: (account: AccountId) => { openpgp: OpenPgpApi; encryption: EndToEnd & EncryptionChoice },
): OpenPgpCommands {
  const state = async (account: AccountId, peer: BareJid): Promise<ChatEncryption> => {
    const { openpgp, encryption } = modules(account);
    const chosen = encryption.chosen(peer);
    const legacyKey = openpgp.legacyKeyOf(peer);
    return {
      ...(chosen ? { chosen } : {}),
      effective: (await encryption.protocolFor(peer)) ?? 'none',
      openpgpAvailable: await openpgp.usable(peer),
      openpgpUndecided: (await openpgp.keys(peer)).filter((k) => k.active && k.trust === 'undecided').length,
      ...(legacyKey ? { legacyKey } : {}),
    };
  };
  return {
    'openpgp.ownKey': async ({ account }) => (await modules(account).openpgp.ownKey()) ?? null,
    'openpgp.keys': ({ account, jid, refresh }) => modules(account).openpgp.keys(jid, refresh),
    'openpgp.setTrust': ({ account, jid, fingerprint, trust }) =>
      Promise.resolve(modules(account).openpgp.setTrust(jid, fingerprint, trust)),
    'openpgp.importKey': ({ account, armored, passphrase }) => modules(account).openpgp.importKey(armored, passphrase),
    'openpgp.backup': async ({ account }) => ({ code: await modules(account).openpgp.backup() }),
    'openpgp.restore': ({ account, code }) => modules(account).openpgp.restore(code),
    'openpgp.importContactKey': async ({ account, jid, armored }) => ({
      fingerprint: await modules(account).openpgp.importContactKey(jid, armored),
    }),
    'openpgp.setSignPresence': ({ account, sign }) => modules(account).openpgp.setSignsPresence(sign),
    'encryption.get': ({ account, peer }) => state(account, peer),
    'encryption.choose': async ({ account, peer, protocol }) => {
      modules(account).encryption.choose(peer, protocol);
      return state(account, peer);
    },
  };
}
