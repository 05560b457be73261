// The parts of a text that match the searched words (as prefixes, any case), for marking them as text.
import { searchWords } from '../../shared/model/search.ts';

export type Part = { text: string; match: boolean };

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Where the words of a text that match the query start and end (the whole word is marked, as the index finds it). */
export function matchRanges(text: string, query: string): Array<[number, number]> {
  const words = searchWords(query).map(fold);
  if (words.length === 0) return [];
  const ranges: Array<[number, number]> = [];
  for (const found of text.matchAll(/[\p{L}\p{N}_]+/gu)) {
    const folded = fold(found[0]);
    if (words.some((w) => folded.startsWith(w))) ranges.push([found.index, found.index + found[0].length]);
  }
  return ranges;
}

export function highlightParts(text: string, query: string, maxChars = 300): Part[] {
  const clipped = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
  const parts: Part[] = [];
  let at = 0;
  const add = (end: number, match: boolean): void => {
    if (end > at) parts.push({ text: clipped.slice(at, end), match });
    at = end;
  };
  for (const [start, end] of matchRanges(clipped, query)) {
    add(start, false);
    add(end, true);
  }
  add(clipped.length, false);
  return parts.length > 0 ? parts : [{ text: clipped, match: false }];
}
