// Message search (Ctrl+Shift+F everywhere, Ctrl+F in the open chat): the engine's full-text index over
// every stored message, with filters; a result opens its chat at that message.
import { useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { conversationName } from '../chatlist/ChatList.tsx';
import { openChat } from '../store/actions.ts';
import { activeAccountOf, getState, openDialog, setState, useAppStore } from '../store/index.ts';
import { ServerSearch } from './ServerSearch.tsx';
import { SearchResult } from './SearchResult.tsx';

const DAY = 86_400_000;

export function SearchDialog({ account, peer }: { account?: AccountId | undefined; peer?: BareJid | undefined }) {
  const t = useT();
  const language = useAppStore((s) => s.settings.language);
  const [text, setText] = useState('');
  const [onlyChat, setOnlyChat] = useState(peer !== undefined);
  const [sender, setSender] = useState('');
  const [since, setSince] = useState('');
  const [results, setResults] = useState<ChatMessage[]>();
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    const query = text.trim();
    if (!query) {
      setResults(undefined);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      const from = since ? Date.parse(since) : Number.NaN;
      call('search.messages', {
        text: query,
        ...(onlyChat && account && peer ? { account, peer } : {}),
        ...(sender.trim() ? { sender: sender.trim() } : {}),
        ...(Number.isFinite(from) ? { since: from } : {}),
        limit: 100,
      }).then(
        (found) => live && (setResults(found), setError(undefined)),
        (e: unknown) => live && setError(e),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [text, onlyChat, sender, since, account, peer]);
  const open = (m: ChatMessage): void => {
    void openChat(m.account, m.peer).then(() =>
      setState({ jumpTo: { account: m.account, peer: m.peer, ref: m.id, at: Date.now(), byId: true } }),
    );
  };
  const state = getState();
  const serverAccount = account ?? activeAccountOf(state)?.id;
  return (
    <Dialog title={t('search.title')} onClose={() => openDialog(undefined)} wide>
      <div className="dialog-form search-form">
        <input
          type="search"
          autoFocus
          aria-label={t('search.text')}
          placeholder={t('search.text')}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="search-filters">
          {peer ? (
            <label className="checkbox">
              <input type="checkbox" checked={onlyChat} onChange={(e) => setOnlyChat(e.target.checked)} />
              <span>{t('search.onlyChat')}</span>
            </label>
          ) : null}
          <input
            aria-label={t('search.sender')}
            placeholder={t('search.sender')}
            value={sender}
            onChange={(e) => setSender(e.target.value)}
          />
          <label>
            <span>{t('search.since')} </span>
            <input
              type="date"
              value={since}
              max={new Date(Date.now() + DAY).toISOString().slice(0, 10)}
              onChange={(e) => setSince(e.target.value)}
            />
          </label>
        </div>
        <ErrorText message={error} />
        {results ? (
          <p role="status" className="muted">
            {t('search.count', { count: results.length })}
          </p>
        ) : null}
        <ul className="search-results" aria-label={t('search.results')}>
          {results?.map((m) => (
            <SearchResult
              key={m.id}
              chat={conversationName(state, {
                account: m.account,
                peer: m.peer,
                kind: m.groupchat ? 'room' : m.peer.includes('/') ? 'private' : 'chat',
              })}
              who={m.direction === 'out' ? t('chat.you') : m.groupchat ? m.from : m.peer}
              timestamp={m.timestamp}
              body={m.body}
              query={text}
              language={language}
              onOpen={() => open(m)}
            />
          ))}
        </ul>
        {serverAccount ? (
          <ServerSearch
            account={serverAccount}
            text={text}
            peer={onlyChat && peer && !peer.includes('/') ? peer : undefined}
          />
        ) : null}
      </div>
    </Dialog>
  );
}
