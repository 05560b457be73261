// The emoji picker: search by name or shortcode, recently used first, groups, and a skin tone.
import { useEffect, useMemo, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { getState, updateSettings, useAppStore } from '../store/index.ts';
import { type EmojiEntry, searchEmoji, type SkinTone, withSkin } from './emojiIndex.ts';
import { GROUP_KEYS, loadEmoji } from './loadEmoji.ts';

const TONES = ['✋', '✋🏻', '✋🏼', '✋🏽', '✋🏾', '✋🏿'];

/** Remembers an emoji as recently used (most recent first, at most 24). */
export function rememberEmoji(emoji: string): void {
  const recent = getState().settings.recentEmoji.filter((e) => e !== emoji);
  updateSettings({ recentEmoji: [emoji, ...recent].slice(0, 24) });
}

export function EmojiPicker({ onPick, onClose }: { onPick: (emoji: string) => void; onClose: () => void }) {
  const t = useT();
  const [index, setIndex] = useState<EmojiEntry[]>([]);
  const [query, setQuery] = useState('');
  const recent = useAppStore((s) => s.settings.recentEmoji);
  const tone = useAppStore((s) => s.settings.skinTone) as SkinTone;
  useEffect(() => {
    void loadEmoji().then(setIndex);
  }, []);
  const groups = useMemo(() => {
    const byGroup = new Map<number, EmojiEntry[]>();
    for (const e of index) byGroup.set(e.group, [...(byGroup.get(e.group) ?? []), e]);
    return [...byGroup.entries()];
  }, [index]);
  const pick = (emoji: string): void => {
    rememberEmoji(emoji);
    onPick(emoji);
  };
  const button = (e: EmojiEntry) => {
    const emoji = withSkin(e, tone);
    return (
      <button
        key={e.unicode}
        type="button"
        className="emoji-choice"
        title={e.label}
        aria-label={e.label}
        onClick={() => pick(emoji)}
      >
        <span className="emoji-text">{emoji}</span>
      </button>
    );
  };
  const found = query.trim() ? searchEmoji(index, query) : undefined;
  return (
    <div
      className="emoji-picker"
      role="dialog"
      aria-label={t('emoji.picker')}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <div className="emoji-tools">
        <input
          type="search"
          autoFocus
          aria-label={t('emoji.search')}
          placeholder={t('emoji.search')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <select
          aria-label={t('emoji.skinTone')}
          value={tone}
          onChange={(e) => updateSettings({ skinTone: Number(e.target.value) })}
        >
          {TONES.map((swatch, i) => (
            <option key={swatch} value={i}>
              {swatch}
            </option>
          ))}
        </select>
      </div>
      <div className="emoji-scroll">
        {found ? (
          <section aria-label={t('emoji.results')}>
            {found.length ? found.map(button) : <p className="muted">{t('emoji.none')}</p>}
          </section>
        ) : (
          <>
            {recent.length ? (
              <section aria-label={t('emoji.recent')}>
                <h4>{t('emoji.recent')}</h4>
                {recent.map((emoji) => (
                  <button
                    key={emoji}
                    type="button"
                    className="emoji-choice"
                    aria-label={emoji}
                    onClick={() => pick(emoji)}
                  >
                    <span className="emoji-text">{emoji}</span>
                  </button>
                ))}
              </section>
            ) : null}
            {groups.map(([group, list]) => (
              <section key={group} aria-label={t(`emoji.group.${GROUP_KEYS[group] ?? 'symbols'}`)}>
                <h4>{t(`emoji.group.${GROUP_KEYS[group] ?? 'symbols'}`)}</h4>
                {list.map(button)}
              </section>
            ))}
          </>
        )}
      </div>
    </div>
  );
}
