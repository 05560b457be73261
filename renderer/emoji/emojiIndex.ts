// Emoji from a maintained data set (emojibase): groups in Unicode order, names and tags to search,
// shortcodes for ":thumbsup"-style completion, and the five skin tones where an emoji has them.
import type { CompactEmoji } from 'emojibase';

export interface EmojiEntry {
  unicode: string;
  label: string;
  group: number;
  order: number;
  /** Lower-case words that find it: its name's words, tags and shortcodes. */
  words: string[];
  shortcodes: string[];
  /** The same emoji in skin tones 1–5, where it has them. */
  skins?: string[];
}

export type SkinTone = 0 | 1 | 2 | 3 | 4 | 5;

/** The component group (skin tone swatches, hair pieces) is not offered on its own. */
const COMPONENT_GROUP = 2;

export function buildIndex(
  data: readonly CompactEmoji[],
  shortcodes: Readonly<Record<string, string | string[]>>,
): EmojiEntry[] {
  return data
    .filter((e) => e.group !== undefined && e.group !== COMPONENT_GROUP)
    .map((e) => {
      const codes = shortcodes[e.hexcode];
      const list = codes === undefined ? [] : Array.isArray(codes) ? codes : [codes];
      const skins = e.skins?.map((s) => s.unicode);
      return {
        unicode: e.unicode,
        label: e.label,
        group: e.group ?? 0,
        order: e.order ?? 0,
        shortcodes: list,
        words: [...e.label.toLowerCase().split(/[\s:,]+/u), ...(e.tags ?? []), ...list].filter(Boolean),
        ...(skins && skins.length === 5 ? { skins } : {}),
      };
    })
    .sort((a, b) => a.order - b.order);
}

export function withSkin(entry: EmojiEntry, tone: SkinTone): string {
  return tone > 0 ? (entry.skins?.[tone - 1] ?? entry.unicode) : entry.unicode;
}

/** Emoji whose words start with every word of the query (best: a shortcode or name that matches exactly). */
export function searchEmoji(index: readonly EmojiEntry[], query: string, limit = 60): EmojiEntry[] {
  const terms = query.toLowerCase().split(/\s+/u).filter(Boolean);
  if (terms.length === 0) return [];
  const found = index.filter((e) => terms.every((t) => e.words.some((w) => w.startsWith(t))));
  const exact = (e: EmojiEntry): number => (e.shortcodes.includes(terms.join('_')) || e.label === query ? 0 : 1);
  return found.sort((a, b) => exact(a) - exact(b) || a.order - b.order).slice(0, limit);
}

/** A ":short" being typed just before the cursor (at least two characters after the colon). */
export function shortcodeAt(text: string, caret: number): { start: number; query: string } | undefined {
  const match = /(^|\s):([a-z0-9_+-]{2,32})$/iu.exec(text.slice(0, caret));
  if (!match) return undefined;
  return { start: caret - (match[2]?.length ?? 0) - 1, query: (match[2] ?? '').toLowerCase() };
}

/** Emoji whose shortcodes start with what is typed, shortest first. */
export function shortcodeMatches(index: readonly EmojiEntry[], query: string, limit = 6): EmojiEntry[] {
  return index
    .filter((e) => e.shortcodes.some((s) => s.startsWith(query)))
    .sort(
      (a, b) =>
        Math.min(...a.shortcodes.map((s) => s.length)) - Math.min(...b.shortcodes.map((s) => s.length)) ||
        a.order - b.order,
    )
    .slice(0, limit);
}
