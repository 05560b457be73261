// Each open chat's choice of encryption (OMEMO, OpenPGP, legacy OpenPGP, none), from the engine.
import type { ChatEncryption } from '../../shared/ipc/openpgpContract.ts';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatProtocol } from '../../shared/model/openpgp.ts';
import { call } from '../ipc/client.ts';
import { chatKey, type ChatKey } from './chats.ts';
import { getState, setState } from './index.ts';
import { loadOmemoState } from './omemo.ts';

export type EncryptionByChat = Record<ChatKey, ChatEncryption>;

export async function loadEncryption(account: AccountId, peer: BareJid): Promise<void> {
  const state = await call('encryption.get', { account, peer });
  setState((s) => ({ encryption: { ...s.encryption, [chatKey(account, peer)]: state } }));
}

export async function chooseEncryption(account: AccountId, peer: BareJid, protocol: ChatProtocol): Promise<void> {
  const state = await call('encryption.choose', { account, peer, protocol });
  setState((s) => ({ encryption: { ...s.encryption, [chatKey(account, peer)]: state } }));
  await loadOmemoState(account, peer);
}

/** Keys or trust changed (or, for our own JID, our key): the chats shown are asked again. */
export function encryptionChanged(account: AccountId, jid: BareJid): void {
  const state = getState();
  for (const key of Object.keys(state.encryption)) {
    const [owner, peer] = key.split(' ');
    if (owner === account && (peer === jid || jid === account))
      void loadEncryption(account, peer as BareJid).catch(() => undefined);
  }
}
