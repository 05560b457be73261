// The parts of a text that match the searched words (as prefixes, any case), for marking them as text.
import { searchWords } from '../../shared/model/search.ts';

export type Part = { text: string; match: boolean };

const fold = (s: string): string => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export function highlightParts(text: string, query: string, maxChars = 300): Part[] {
  const words = searchWords(query).map(fold);
  const clipped = text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
  if (words.length === 0) return [{ text: clipped, match: false }];
  const parts: Part[] = [];
  for (const piece of clipped.split(/([\p{L}\p{N}_]+)/u)) {
    if (!piece) continue;
    const match = words.some((w) => fold(piece).startsWith(w));
    const last = parts.at(-1);
    if (last && last.match === match) last.text += piece;
    else parts.push({ text: piece, match });
  }
  return parts;
}
