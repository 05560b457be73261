// The chat list's rows: which conversations show, in which order, and what their preview line says.
import type { Conversation } from '../../shared/model/conversation.ts';
import { fileNameFromUrl, sharedFileUrl } from '../../shared/model/file.ts';
import type { CallSummary } from '../../shared/model/call.ts';

export type Preview =
  | { kind: 'none' }
  | { kind: 'draft'; text: string }
  | { kind: 'text'; text: string; own: boolean; sender?: string }
  | { kind: 'file'; name: string; own: boolean; sender?: string }
  | { kind: 'encrypted'; own: boolean }
  /** OTR data: encrypted with a protocol this app does not speak. */
  | { kind: 'otr'; own: boolean }
  | { kind: 'retracted'; own: boolean }
  | { kind: 'call'; call: CallSummary; own: boolean };

const ONE_LINE = 140;
const oneLine = (text: string): string => text.replace(/\s+/gu, ' ').trim().slice(0, ONE_LINE);

export function previewOf(conversation: Conversation): Preview {
  if (conversation.draft.trim()) return { kind: 'draft', text: oneLine(conversation.draft) };
  const last = conversation.last;
  if (!last) return { kind: 'none' };
  const own = last.direction === 'out';
  const sender = !own && last.groupchat ? last.from : undefined;
  const who = sender ? { sender } : {};
  if (last.retracted) return { kind: 'retracted', own };
  if (last.call) return { kind: 'call', call: last.call, own };
  if (last.encryption?.error && !last.body)
    return { kind: last.encryption.protocol === 'otr' ? 'otr' : 'encrypted', own };
  const file = sharedFileUrl(last.body, last.oobUrl);
  if (file) return { kind: 'file', name: fileNameFromUrl(file), own, ...who };
  return { kind: 'text', text: oneLine(last.body), own, ...who };
}

/** Pinned first, then by newest activity; closed ones are left out unless asked for (search). */
export function orderConversations(list: readonly Conversation[], filter = ''): Conversation[] {
  const needle = filter.trim().toLowerCase();
  return list
    .filter((c) => !c.closed && (!needle || c.peer.toLowerCase().includes(needle)))
    .sort((a, b) => Number(b.pinned) - Number(a.pinned) || b.activity - a.activity || a.peer.localeCompare(b.peer));
}

/** "14:05" today, the weekday within a week, else the date. */
export function listTime(timestamp: number, locale: string, now = Date.now()): string {
  const startOfDay = (ms: number): number => new Date(ms).setHours(0, 0, 0, 0);
  const days = Math.round((startOfDay(now) - startOfDay(timestamp)) / 86_400_000);
  if (days === 0) return cachedFormat(locale, 'time', { hour: '2-digit', minute: '2-digit' }).format(timestamp);
  if (days < 7) return cachedFormat(locale, 'weekday', { weekday: 'short' }).format(timestamp);
  return cachedFormat(locale, 'date', { day: 'numeric', month: 'short' }).format(timestamp);
}

const formats = new Map<string, Intl.DateTimeFormat>();
/** One formatter per locale and style (building one is the expensive part; 500 rows each need one). */
function cachedFormat(locale: string, style: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}:${style}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(locale, options);
    formats.set(key, found);
  }
  return found;
}
