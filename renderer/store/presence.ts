// The roster and presence slices' reducers.
import type { Account, AccountId } from '../../shared/model/account.ts';
import type { ConnectionState } from '../../shared/model/connection.ts';
import type { ContactPresence } from '../../shared/model/presence.ts';

export type PresenceByJid = Record<string, ContactPresence>;

/** Presence snapshots replace the contact's entry; no resources left means offline (no entry). One copy per account per batch. */
export function withPresenceEvents(
  all: Readonly<Record<AccountId, PresenceByJid>>,
  events: readonly { account: AccountId; presence: ContactPresence }[],
): Record<AccountId, PresenceByJid> {
  const next: Record<AccountId, PresenceByJid> = { ...all };
  const copied = new Set<AccountId>();
  for (const { account, presence } of events) {
    if (!copied.has(account)) {
      next[account] = { ...next[account] };
      copied.add(account);
    }
    const map = next[account] ?? {};
    if (presence.resources.length > 0 || presence.unreachable) map[presence.jid] = presence;
    else delete map[presence.jid];
  }
  return next;
}

export function withPresence(
  all: Readonly<Record<AccountId, PresenceByJid>>,
  account: AccountId,
  presence: ContactPresence,
): Record<AccountId, PresenceByJid> {
  return withPresenceEvents(all, [{ account, presence }]);
}

export function withPresenceList(
  all: Readonly<Record<AccountId, PresenceByJid>>,
  account: AccountId,
  list: readonly ContactPresence[],
): Record<AccountId, PresenceByJid> {
  return { ...all, [account]: Object.fromEntries(list.filter((p) => p.resources.length > 0).map((p) => [p.jid, p])) };
}

export function withConnectionState(
  accounts: readonly Account[],
  account: AccountId,
  state: ConnectionState,
): Account[] {
  return accounts.map((a) => (a.id === account ? { ...a, state } : a));
}
