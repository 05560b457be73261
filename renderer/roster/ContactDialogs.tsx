// Add a contact; rename it, move it between groups, or remove it.
import { type FormEvent, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import { type BareJid, toBareJid } from '../../shared/model/jid.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { addContact } from '../store/actions.ts';
import { openDialog, setState, useAppStore } from '../store/index.ts';
import { displayName } from './rosterView.ts';
import { askConfirm } from '../components/Confirmation.tsx';

const parseGroups = (text: string): string[] => [
  ...new Set(
    text
      .split(',')
      .map((g) => g.trim())
      .filter(Boolean),
  ),
];
const close = (): void => openDialog(undefined);

export function AddContactDialog({
  account,
  initial = {},
}: {
  account: AccountId;
  /** Filled in from an xmpp:…?roster link. */
  initial?: { jid?: string | undefined; name?: string | undefined; group?: string | undefined };
}) {
  const t = useT();
  const [jid, setJid] = useState(initial.jid ?? '');
  const [name, setName] = useState(initial.name ?? '');
  const [groups, setGroups] = useState(initial.group ?? '');
  const [error, setError] = useState<unknown>();
  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const bare = toBareJid(jid.trim());
    if (!bare || !bare.includes('@') || jid.includes('/')) return setError(t('contact.invalidJid', { jid }));
    try {
      await addContact(account, bare, name.trim(), parseGroups(groups));
      close();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog title={t('contact.addTitle')} onClose={close}>
      <form className="dialog-form" onSubmit={(e) => void submit(e)}>
        <label className="field">
          <span>{t('contact.jid')}</span>
          <input
            autoFocus
            value={jid}
            onChange={(e) => setJid(e.target.value)}
            required
            placeholder="friend@example.org"
          />
        </label>
        <label className="field">
          <span>{t('contact.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('contact.groups')}</span>
          <input value={groups} onChange={(e) => setGroups(e.target.value)} />
        </label>
        <ErrorText message={error} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('contact.add')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function EditContactDialog({ account, jid }: { account: AccountId; jid: BareJid }) {
  const t = useT();
  const item = useAppStore((s) => s.roster[account]?.find((i) => i.jid === jid));
  const [name, setName] = useState(item?.name ?? '');
  const [groups, setGroups] = useState(item?.groups.join(', ') ?? '');
  const [error, setError] = useState<unknown>();
  const title = t('contact.editTitle', { name: item ? displayName(item) : jid });
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await call('roster.set', { account, jid, name: name.trim(), groups: parseGroups(groups) });
      close();
    } catch (failure) {
      setError(failure);
    }
  };
  const remove = async (): Promise<void> => {
    if (!(await askConfirm(t('contact.confirmRemove', { name: item ? displayName(item) : jid }), t('contact.remove'))))
      return;
    try {
      await call('roster.remove', { account, jid });
      setState((s) => ({ openChat: s.openChat?.peer === jid ? undefined : s.openChat }));
      close();
    } catch (failure) {
      setError(failure);
    }
  };
  const block = async (): Promise<void> => {
    if (!(await askConfirm(t('contact.confirmBlock', { name: item ? displayName(item) : jid }), t('contact.block'))))
      return;
    try {
      await call('blocklist.block', { account, jid });
      close();
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog title={title} onClose={close}>
      <form className="dialog-form" onSubmit={(e) => void save(e)}>
        <p className="muted">{jid}</p>
        <label className="field">
          <span>{t('contact.name')}</span>
          <input autoFocus value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        <label className="field">
          <span>{t('contact.groups')}</span>
          <input value={groups} onChange={(e) => setGroups(e.target.value)} />
        </label>
        <ErrorText message={error} />
        <div className="actions">
          <button type="button" className="danger" onClick={() => void block()}>
            {t('contact.block')}
          </button>
          <button type="button" className="danger" onClick={() => void remove()}>
            {t('contact.remove')}
          </button>
          <button type="submit" className="primary">
            {t('contact.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
