// Each open chat's encryption state and our own devices' fingerprints, fetched from the engine.
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { OmemoChatState, OwnOmemoDevice } from '../../shared/model/omemo.ts';
import { call } from '../ipc/client.ts';
import { chatKey, type ChatKey } from './chats.ts';
import { getState, setState } from './index.ts';

export type OmemoByChat = Record<ChatKey, OmemoChatState>;

export function withOmemoState(all: OmemoByChat, account: AccountId, state: OmemoChatState): OmemoByChat {
  return { ...all, [chatKey(account, state.peer)]: state };
}

/** Fetches a chat's state (with `refresh`, device lists and keys are looked up again first). */
export async function loadOmemoState(account: AccountId, peer: BareJid, refresh = false): Promise<void> {
  const state = await call('omemo.chatState', { account, peer, refresh });
  setState((s) => ({ omemo: withOmemoState(s.omemo, account, state) }));
}

export async function loadOwnDevice(account: AccountId): Promise<OwnOmemoDevice | undefined> {
  const own = await call('omemo.ownDevice', { account });
  if (own) setState((s) => ({ ownDevices: { ...s.ownDevices, [account]: own } }));
  return own;
}

/** The engine says a chat's devices or trust changed: fetched again when it is shown. */
export function omemoChanged(account: AccountId, peer: BareJid): void {
  const state = getState();
  const shown = state.openChat?.account === account && (state.openChat.peer === peer || peer === account);
  if (shown || state.omemo[chatKey(account, peer)]) {
    const target = shown && state.openChat ? state.openChat.peer : peer;
    void loadOmemoState(account, target).catch(() => undefined);
  }
}
