// Ranks contacts and open chats for the quick switcher: name prefix first, then word prefix, then anywhere.
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { RosterItem } from '../../shared/model/roster.ts';
import { displayName } from '../roster/rosterView.ts';

export interface SwitcherMatch {
  account: AccountId;
  jid: BareJid;
  name: string;
}

const MAX_MATCHES = 20;

function score(name: string, jid: string, query: string): number {
  const lowerName = name.toLowerCase();
  if (!query) return 3;
  if (lowerName.startsWith(query)) return 0;
  if (lowerName.split(/\s+/u).some((word) => word.startsWith(query)) || jid.startsWith(query)) return 1;
  if (lowerName.includes(query) || jid.includes(query)) return 2;
  return -1;
}

export function switcherMatches(
  roster: Readonly<Record<AccountId, readonly RosterItem[]>>,
  chatKeys: readonly string[],
  query: string,
): SwitcherMatch[] {
  const needle = query.trim().toLowerCase();
  const seen = new Set<string>();
  const found: (SwitcherMatch & { score: number })[] = [];
  const consider = (account: AccountId, jid: BareJid, name: string): void => {
    const key = `${account} ${jid}`;
    if (seen.has(key)) return;
    seen.add(key);
    const s = score(name, jid, needle);
    if (s >= 0) found.push({ account, jid, name, score: s });
  };
  for (const [account, items] of Object.entries(roster) as [AccountId, RosterItem[]][]) {
    for (const item of items)
      if (item.subscription !== 'none' || !item.pendingIn) consider(account, item.jid, displayName(item));
  }
  for (const key of chatKeys) {
    const [account, jid] = key.split(' ') as [AccountId, BareJid];
    consider(account, jid, displayName({ jid, name: '' }));
  }
  return found
    .sort((a, b) => a.score - b.score || a.name.localeCompare(b.name))
    .slice(0, MAX_MATCHES)
    .map(({ score: _s, ...m }) => m);
}
