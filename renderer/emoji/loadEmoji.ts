// The emoji data is loaded the first time it is needed (a separate chunk), then kept.
import { buildIndex, type EmojiEntry } from './emojiIndex.ts';

let loading: Promise<EmojiEntry[]> | undefined;

export function loadEmoji(): Promise<EmojiEntry[]> {
  loading ??= Promise.all([
    import('emojibase-data/en/compact.json'),
    import('emojibase-data/en/shortcodes/emojibase.json'),
  ]).then(([data, codes]) => buildIndex(data.default, codes.default));
  return loading;
}

export const GROUP_KEYS = [
  'smileys',
  'people',
  'component',
  'animals',
  'food',
  'travel',
  'activities',
  'objects',
  'symbols',
  'flags',
] as const;
