// Emoji in the composer: a picker button (inserting at the cursor) and ":shortcode" completion —
// suggestions while typing, Tab or a click puts the emoji in.
import { type KeyboardEvent, type ReactNode, type RefObject, useEffect, useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { useAppStore } from '../store/index.ts';
import { type EmojiEntry, shortcodeAt, shortcodeMatches, type SkinTone, withSkin } from './emojiIndex.ts';
import { EmojiPicker, rememberEmoji } from './EmojiPicker.tsx';
import { loadEmoji } from './loadEmoji.ts';

export function useEmojiInput(
  box: RefObject<HTMLTextAreaElement | null>,
  text: string,
  setText: (text: string) => void,
): { button: ReactNode; suggestions: ReactNode; handleKey(event: KeyboardEvent<HTMLTextAreaElement>): boolean } {
  const t = useT();
  const tone = useAppStore((s) => s.settings.skinTone) as SkinTone;
  const [open, setOpen] = useState(false);
  const [index, setIndex] = useState<EmojiEntry[]>();
  const caret = box.current?.selectionStart ?? text.length;
  const typed = shortcodeAt(text, caret);
  useEffect(() => {
    if (typed && !index) void loadEmoji().then(setIndex);
  }, [typed, index]);
  const matches = typed && index ? shortcodeMatches(index, typed.query) : [];
  const insert = (emoji: string, from: number, to: number): void => {
    const next = `${text.slice(0, from)}${emoji}${text.slice(to)}`;
    setText(next);
    const at = from + emoji.length;
    requestAnimationFrame(() => {
      box.current?.focus();
      box.current?.setSelectionRange(at, at);
    });
  };
  const complete = (entry: EmojiEntry): void => {
    if (!typed) return;
    const emoji = withSkin(entry, tone);
    rememberEmoji(emoji);
    insert(`${emoji} `, typed.start, caret);
  };
  return {
    button: (
      <span className="emoji-anchor">
        <button
          type="button"
          className="icon-button"
          aria-label={t('emoji.open')}
          title={t('emoji.open')}
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          <span className="emoji-text">😊</span>
        </button>
        {open ? (
          <EmojiPicker
            onPick={(emoji) => {
              const at = box.current?.selectionStart ?? text.length;
              const end = box.current?.selectionEnd ?? at;
              insert(emoji, at, end);
              setOpen(false);
            }}
            onClose={() => {
              setOpen(false);
              box.current?.focus();
            }}
          />
        ) : null}
      </span>
    ),
    suggestions:
      matches.length > 0 && typed ? (
        <ul className="emoji-suggestions" role="listbox" aria-label={t('emoji.suggestions', { query: typed.query })}>
          {matches.map((m, i) => (
            <li key={m.unicode} role="option" aria-selected={i === 0}>
              <button type="button" onClick={() => complete(m)}>
                <span className="emoji-text">{withSkin(m, tone)}</span> :{m.shortcodes[0]}:
              </button>
            </li>
          ))}
        </ul>
      ) : null,
    handleKey: (event) => {
      const first = matches[0];
      if (event.key === 'Tab' && first && !event.shiftKey) {
        event.preventDefault();
        complete(first);
        return true;
      }
      return false;
    },
  };
}
