// The XML console of one account (like Gajim's and Psi's): the stream live, filtered, paused, copied;
// a raw stanza can be sent after a warning. Everything is shown as text, never as markup.
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import type { ConsoleEntry } from '../../shared/model/console.ts';
import { askConfirm } from '../components/Confirmation.tsx';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { bridge, call } from '../ipc/client.ts';
import { openDialog, useAppStore } from '../store/index.ts';
import { appendEntries, CONSOLE_FILTERS, type ConsoleFilter, copyText, visibleEntries } from './consoleView.ts';

function useConsoleEntries(account: AccountId, paused: boolean): [ConsoleEntry[], () => void] {
  const [entries, setEntries] = useState<ConsoleEntry[]>([]);
  const held = useRef<ConsoleEntry[]>([]);
  const pausedRef = useRef(paused);
  pausedRef.current = paused;
  useEffect(() => {
    let live = true;
    const off = bridge.on('console.entry', (e) => {
      if (e.account !== account) return;
      if (pausedRef.current) held.current = appendEntries(held.current, [e.entry]);
      else setEntries((shown) => appendEntries(shown, [e.entry]));
    });
    void call('console.open', { account }).then(
      (kept) => live && setEntries((shown) => appendEntries(kept, shown)),
      () => undefined,
    );
    return () => {
      live = false;
      off();
      void call('console.close', { account }).catch(() => undefined);
    };
  }, [account]);
  useEffect(() => {
    if (paused || held.current.length === 0) return;
    const waiting = held.current;
    held.current = [];
    setEntries((shown) => appendEntries(shown, waiting));
  }, [paused]);
  return [entries, () => setEntries([])];
}

function RawSender({ account, online }: { account: AccountId; online: boolean }) {
  const t = useT();
  const [xml, setXml] = useState('');
  const [error, setError] = useState<unknown>();
  const [warned, setWarned] = useState(false);
  const send = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    setError(undefined);
    const parsed = new DOMParser().parseFromString(xml, 'application/xml');
    if (parsed.getElementsByTagName('parsererror').length > 0) {
      setError(t('console.notXml'));
      return;
    }
    if (!warned && !(await askConfirm(t('console.sendWarning'), t('console.sendAnyway')))) return;
    setWarned(true);
    try {
      await call('console.send', { account, xml });
      setXml('');
    } catch (e) {
      setError(e);
    }
  };
  return (
    <form className="console-send" onSubmit={(e) => void send(e)}>
      <label className="field">
        <span>{t('console.rawLabel')}</span>
        <textarea
          value={xml}
          rows={3}
          spellCheck={false}
          placeholder="<iq type='get' to='example.org'><ping xmlns='urn:xmpp:ping'/></iq>"
          onChange={(e) => setXml(e.target.value)}
        />
      </label>
      <ErrorText message={error ?? (online ? undefined : t('console.offline'))} />
      <div className="actions">
        <button type="submit" disabled={!online || !xml.trim()}>
          {t('console.send')}
        </button>
      </div>
    </form>
  );
}

const time = (at: number): string => new Date(at).toLocaleTimeString(undefined, { hour12: false });

export function XmlConsoleDialog({ account }: { account: AccountId }) {
  const t = useT();
  const online = useAppStore((s) => s.accounts.find((a) => a.id === account)?.state.status === 'online');
  const [paused, setPaused] = useState(false);
  const [filter, setFilter] = useState<ConsoleFilter>('all');
  const [search, setSearch] = useState('');
  const [copied, setCopied] = useState(false);
  const [entries, clear] = useConsoleEntries(account, paused);
  const shown = visibleEntries(entries, filter, search);
  const list = useRef<HTMLOListElement>(null);
  useEffect(() => {
    if (!paused) list.current?.lastElementChild?.scrollIntoView({ block: 'end' });
  }, [shown.length, paused]);
  const copy = (): void => {
    void navigator.clipboard.writeText(copyText(shown)).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <Dialog title={t('console.title', { jid: account })} onClose={() => openDialog(undefined)} wide>
      <div className="console-tools">
        <select
          value={filter}
          aria-label={t('console.filter')}
          onChange={(e) => setFilter(e.target.value as ConsoleFilter)}
        >
          {CONSOLE_FILTERS.map((f) => (
            <option key={f} value={f}>
              {t(`console.kind.${f}`)}
            </option>
          ))}
        </select>
        <input
          type="search"
          value={search}
          aria-label={t('console.search')}
          placeholder={t('console.search')}
          onChange={(e) => setSearch(e.target.value)}
        />
        <button type="button" aria-pressed={paused} onClick={() => setPaused(!paused)}>
          {paused ? t('console.resume') : t('console.pause')}
        </button>
        <button type="button" onClick={copy}>
          {copied ? t('console.copied') : t('console.copy')}
        </button>
        <button type="button" onClick={clear}>
          {t('console.clear')}
        </button>
      </div>
      <p className="console-note">{t('console.redacted')}</p>
      <ol className="console-log" ref={list} aria-label={t('console.logLabel')}>
        {shown.map((e) => (
          <li key={e.seq} className={`console-entry ${e.dir}`}>
            <span className="console-meta">
              {time(e.at)} {e.dir === 'in' ? t('console.in') : t('console.out')}
              {e.truncated ? ` · ${t('console.truncated')}` : ''}
            </span>
            <pre>{e.xml}</pre>
          </li>
        ))}
      </ol>
      <RawSender account={account} online={online} />
    </Dialog>
  );
}
