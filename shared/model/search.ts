// Message search: what the user asks for, and what comes back.
import type { AccountId } from './account.ts';
import type { BareJid } from './jid.ts';

export interface SearchQuery {
  text: string;
  account?: AccountId;
  /** One conversation only. */
  peer?: BareJid;
  /** Part of the sender's address or nick. */
  sender?: string;
  /** Time range (ms). */
  since?: number;
  until?: number;
  limit?: number;
}

export const MAX_SEARCH_RESULTS = 200;
export const MAX_SEARCH_CHARS = 256;

/** The words of a query, as the index matches them: every word, each as a prefix. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}
