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

/** A message the server's archive found by full text (XEP-0431); not stored on this device. */
export interface ServerSearchHit {
  archiveId: string;
  peer: BareJid;
  direction: 'in' | 'out';
  body: string;
  timestamp: number;
}

export interface ServerSearchResult {
  /** False when the server's archive offers no full-text search. */
  supported: boolean;
  /** Newest first. */
  hits: ServerSearchHit[];
  complete: boolean;
  /** Pass as `before` for the next (older) page. */
  older?: string;
}
export const MAX_SEARCH_CHARS = 256;

/** The words of a query, as the index matches them: every word, each as a prefix. */
export function searchWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .split(/[^\p{L}\p{N}_]+/u)
    .filter((w) => w.length > 0)
    .slice(0, 12);
}
