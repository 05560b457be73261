// An account's data is loaded as a snapshot (several engine calls); events that arrive meanwhile are
// newer than parts of it. They apply at once and are replayed on top of the snapshot, so a stale
// answer (a room still "joining") never overwrites a newer event ("joined").
import type { AccountId } from '../../shared/model/account.ts';
import type { AppState } from './index.ts';

export type Change = (state: AppState) => Partial<AppState>;

const recording = new Map<AccountId, Set<Change[]>>();

export function beginSnapshot(account: AccountId): Change[] {
  const buffer: Change[] = [];
  const set = recording.get(account) ?? new Set();
  set.add(buffer);
  recording.set(account, set);
  return buffer;
}

/** Remembers a live change for every snapshot of that account being loaded. */
export function recordLive(account: AccountId, change: Change): void {
  for (const buffer of recording.get(account) ?? []) buffer.push(change);
}

export function endSnapshot(account: AccountId, buffer: Change[]): void {
  const set = recording.get(account);
  set?.delete(buffer);
  if (set?.size === 0) recording.delete(account);
}

/** The snapshot, then every change recorded while it loaded, in order. */
export function snapshotWithReplay(buffer: readonly Change[], snapshot: Change): Change {
  return (state) => {
    let next: AppState = { ...state, ...snapshot(state) };
    for (const change of buffer) next = { ...next, ...change(next) };
    return next;
  };
}
