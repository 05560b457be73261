// Editing a room's member and ban lists (XEP-0045 §9.5, §10.5): see who is on them, add, remove.
import { type FormEvent, useCallback, useEffect, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import { type BareJid, toBareJid } from '../../shared/model/jid.ts';
import type { Affiliation } from '../../shared/model/muc.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { openDialog } from '../store/index.ts';

const LISTS = ['member', 'outcast', 'admin', 'owner'] as const satisfies readonly Affiliation[];

export function AffiliationsDialog({ account, room }: { account: AccountId; room: BareJid }) {
  const t = useT();
  const [list, setList] = useState<(typeof LISTS)[number]>('member');
  const [entries, setEntries] = useState<BareJid[]>([]);
  const [jid, setJid] = useState('');
  const [error, setError] = useState<unknown>();
  const fail = (e: unknown): void => setError(e);
  const load = useCallback(() => {
    call('muc.affiliations', { account, room, affiliation: list }).then(
      (items) => setEntries(items.map((i) => i.jid)),
      fail,
    );
  }, [account, room, list]);
  useEffect(load, [load]);
  const change = (target: BareJid, affiliation: Affiliation): void => {
    call('muc.setAffiliation', { account, room, jid: target, affiliation }).then(load, fail);
  };
  const add = (event: FormEvent): void => {
    event.preventDefault();
    const target = toBareJid(jid.trim());
    if (!target || !target.includes('@')) return setError(t('contact.invalidJid', { jid }));
    setJid('');
    change(target, list);
  };
  return (
    <Dialog title={t('rooms.lists', { room })} onClose={() => openDialog(undefined)}>
      <div className="dialog-form">
        <label className="field">
          <span>{t('rooms.list')}</span>
          <select value={list} onChange={(e) => setList(e.target.value as (typeof LISTS)[number])}>
            {LISTS.map((l) => (
              <option key={l} value={l}>
                {t(`affiliation.${l}`)}
              </option>
            ))}
          </select>
        </label>
        <ul className="blocked-list" aria-label={t(`affiliation.${list}`)}>
          {entries.map((entry) => (
            <li key={entry}>
              <span>{entry}</span>
              <button
                type="button"
                aria-label={t('rooms.removeFromList', { jid: entry })}
                onClick={() => change(entry, 'none')}
              >
                ✕
              </button>
            </li>
          ))}
          {entries.length === 0 ? <li className="muted">{t('rooms.emptyList')}</li> : null}
        </ul>
        <form className="composer-row" onSubmit={add}>
          <input
            aria-label={t('rooms.addToList')}
            placeholder="name@example.org"
            value={jid}
            onChange={(e) => setJid(e.target.value)}
          />
          <button type="submit">{t('contact.add')}</button>
        </form>
        <ErrorText message={error} />
      </div>
    </Dialog>
  );
}
