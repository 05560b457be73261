// The console's rows as the user filters them, kept bounded, and how they read when copied.
import { CONSOLE_MAX_ENTRIES, type ConsoleEntry, type ConsoleKind } from '../../shared/model/console.ts';

export type ConsoleFilter = 'all' | ConsoleKind;
export const CONSOLE_FILTERS: readonly ConsoleFilter[] = ['all', 'message', 'presence', 'iq', 'other'];

/** New entries after the ones shown, by sequence (a repeat is dropped), at most the console's limit. */
export function appendEntries(shown: readonly ConsoleEntry[], added: readonly ConsoleEntry[]): ConsoleEntry[] {
  const last = shown.at(-1)?.seq ?? 0;
  const fresh = added.filter((e) => e.seq > last);
  if (fresh.length === 0) return shown as ConsoleEntry[];
  const all = [...shown, ...fresh];
  return all.length > CONSOLE_MAX_ENTRIES ? all.slice(all.length - CONSOLE_MAX_ENTRIES) : all;
}

export function visibleEntries(entries: readonly ConsoleEntry[], filter: ConsoleFilter, text: string): ConsoleEntry[] {
  const needle = text.trim().toLowerCase();
  return entries.filter(
    (e) => (filter === 'all' || e.kind === filter) && (!needle || e.xml.toLowerCase().includes(needle)),
  );
}

const time = (at: number): string => new Date(at).toISOString().slice(11, 23);

/** Plain text for the clipboard: one block per entry, with its time and direction. */
export function copyText(entries: readonly ConsoleEntry[]): string {
  return entries
    .map((e) => `${time(e.at)} ${e.dir === 'in' ? '<<<' : '>>>'}\n${e.xml}${e.truncated ? ' …' : ''}`)
    .join('\n\n');
}
