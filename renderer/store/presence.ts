// The roster and presence slices' reducers.
import type { Account, AccountId } from '../../shared/model/account.ts';
import type { ConnectionState } from '../../shared/model/connection.ts';
import type { ContactPresence } from '../../shared/model/presence.ts';

export type PresenceByJid = Record<string, ContactPresence>;

/** A presence snapshot replaces the contact's entry; no resources left means offline (no entry). */
export function withPresence(all: Readonly<Record<AccountId, PresenceByJid>>, account: AccountId, presence: ContactPresence): Record<AccountId, PresenceByJid> {
  const { [presence.jid]: _old, ...others } = all[account] ?? {};
  return { ...all, [account]: presence.resources.length > 0 ? { ...others, [presence.jid]: presence } : others };
}

export function withPresenceList(all: Readonly<Record<AccountId, PresenceByJid>>, account: AccountId, list: readonly ContactPresence[]): Record<AccountId, PresenceByJid> {
  return { ...all, [account]: Object.fromEntries(list.filter((p) => p.resources.length > 0).map((p) => [p.jid, p])) };
}

export function withConnectionState(accounts: readonly Account[], account: AccountId, state: ConnectionState): Account[] {
  return accounts.map((a) => (a.id === account ? { ...a, state } : a));
}
