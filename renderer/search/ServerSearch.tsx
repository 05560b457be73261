// "Search older messages on the server" under the local results: the server's full-text archive
// search (XEP-0431) for history this device never stored; a result opens its chat and pages back to it.
import { useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ServerSearchHit } from '../../shared/model/search.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { openChat } from '../store/actions.ts';
import { getState, setState, useAppStore } from '../store/index.ts';
import { conversationName } from '../chatlist/ChatList.tsx';
import { SearchResult } from './SearchResult.tsx';

type Found = { supported: boolean; hits: ServerSearchHit[]; older?: string | undefined };

export function ServerSearch({
  account,
  text,
  peer,
}: {
  account: AccountId;
  text: string;
  peer?: BareJid | undefined;
}) {
  const t = useT();
  const language = useAppStore((s) => s.settings.language);
  const [found, setFound] = useState<Found>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  useEffect(() => {
    setFound(undefined);
    setError(undefined);
  }, [text, account, peer]);
  const search = async (before?: string): Promise<void> => {
    setBusy(true);
    try {
      const page = await call('search.server', {
        account,
        text: text.trim(),
        ...(peer ? { peer } : {}),
        ...(before ? { before } : {}),
      });
      setFound((previous) => ({
        supported: page.supported,
        hits: [...(before ? (previous?.hits ?? []) : []), ...page.hits],
        older: page.complete ? undefined : page.older,
      }));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  const open = (hit: ServerSearchHit): void => {
    void openChat(account, hit.peer).then(() =>
      setState({ jumpTo: { account, peer: hit.peer, ref: hit.archiveId, at: Date.now(), byStanzaId: true } }),
    );
  };
  if (!text.trim()) return null;
  return (
    <section className="server-search" aria-label={t('search.server.label')}>
      {found === undefined ? (
        <button type="button" onClick={() => void search()} disabled={busy}>
          {busy ? t('search.server.searching') : t('search.server.start')}
        </button>
      ) : !found.supported ? (
        <p className="muted" role="status">
          {t('search.server.unsupported')}
        </p>
      ) : (
        <>
          <p className="muted" role="status">
            {t('search.server.count', { count: found.hits.length })}
          </p>
          <ul className="search-results" aria-label={t('search.server.results')}>
            {found.hits.map((hit) => (
              <SearchResult
                key={hit.archiveId}
                chat={conversationName(getState(), { account, peer: hit.peer, kind: 'chat' })}
                who={hit.direction === 'out' ? t('chat.you') : hit.peer}
                timestamp={hit.timestamp}
                body={hit.body}
                query={text}
                language={language}
                onOpen={() => open(hit)}
              />
            ))}
          </ul>
          {found.older ? (
            <button type="button" onClick={() => void search(found.older)} disabled={busy}>
              {t('search.server.more')}
            </button>
          ) : null}
        </>
      )}
      <ErrorText message={error} />
    </section>
  );
}
