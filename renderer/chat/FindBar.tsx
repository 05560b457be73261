// Ctrl+F in a chat: the chat's own messages that match, newest first; Enter (or ↑) goes to the next
// older match, Shift+Enter (or ↓) back to a newer one. The whole-history search is one click away.
import { type KeyboardEvent, type RefObject, useEffect, useState } from 'react';
import { useFindMarks } from './findMarks.ts';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { searchWords } from '../../shared/model/search.ts';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { openDialog, setState } from '../store/index.ts';

const close = (): void => setState({ findInChat: undefined });

export function FindBar({
  account,
  peer,
  log,
}: {
  account: AccountId;
  peer: BareJid;
  /** The chat's message list, whose words that match are marked. */
  log: RefObject<HTMLElement | null>;
}) {
  const t = useT();
  const [text, setText] = useState('');
  const [matches, setMatches] = useState<ChatMessage[]>();
  const [index, setIndex] = useState(0);
  useFindMarks(log, text);
  useEffect(() => {
    if (searchWords(text).length === 0) {
      setMatches(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      void call('search.messages', { text, account, peer, limit: 200 }).then(
        (found) => {
          if (!live) return;
          setMatches(found);
          setIndex(0);
          const first = found[0];
          if (first) setState({ jumpTo: { account, peer, ref: first.id, at: Date.now(), byId: true } });
        },
        () => live && setMatches([]),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, account, peer]);
  const go = (step: 1 | -1): void => {
    if (!matches || matches.length === 0) return;
    const next = (index + step + matches.length) % matches.length;
    setIndex(next);
    const target = matches[next];
    if (target) setState({ jumpTo: { account, peer, ref: target.id, at: Date.now(), byId: true } });
  };
  const onKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') {
      event.preventDefault();
      close();
    } else if (event.key === 'Enter' || event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      go(event.key === 'ArrowDown' || (event.key === 'Enter' && event.shiftKey) ? -1 : 1);
    }
  };
  const count = matches?.length ?? 0;
  return (
    <div className="find-bar" role="search" aria-label={t('find.label')}>
      <input
        autoFocus
        type="search"
        aria-label={t('find.input')}
        placeholder={t('find.input')}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKey}
      />
      <span className="muted" role="status">
        {matches === undefined ? '' : count === 0 ? t('find.none') : t('find.position', { index: index + 1, count })}
      </span>
      <button
        type="button"
        className="icon-button"
        aria-label={t('find.older')}
        onClick={() => go(1)}
        disabled={!count}
      >
        ↑
      </button>
      <button
        type="button"
        className="icon-button"
        aria-label={t('find.newer')}
        onClick={() => go(-1)}
        disabled={!count}
      >
        ↓
      </button>
      <button
        type="button"
        onClick={() => {
          close();
          openDialog({ kind: 'search' });
        }}
      >
        {t('find.everywhere')}
      </button>
      <button type="button" className="icon-button" aria-label={t('find.close')} onClick={close}>
        ✕
      </button>
    </div>
  );
}
