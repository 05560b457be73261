// The account on its server (XEP-0077): a new password, or the account deleted there and then here —
// after the user types the address, so it cannot happen by a slip.
import { type FormEvent, useState } from 'react';
import type { Account } from '../../shared/model/account.ts';
import { askText } from '../components/Confirmation.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { setState } from '../store/index.ts';
import { StatusNotice } from '../components/StatusNotice.tsx';

export function ServerAccountActions({ account }: { account: Account }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const online = account.state.status === 'online';
  const change = (event: FormEvent): void => {
    event.preventDefault();
    setNotice(undefined);
    if (password !== again) return setError(t('accounts.passwordsDiffer'));
    setError(undefined);
    call('account.changePassword', { account: account.id, password }).then(
      () => {
        setPassword('');
        setAgain('');
        setNotice(t('accounts.passwordChanged'));
      },
      (e: unknown) => setError(e),
    );
  };
  const remove = async (): Promise<void> => {
    const typed = await askText(t('accounts.confirmDelete', { jid: account.jid }), '', t('accounts.delete'));
    if (typed === undefined) return;
    try {
      await call('account.deleteOnServer', { account: account.id, confirm: typed.trim() });
      setState({ dialog: undefined, openChat: undefined });
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <form className="dialog-form" aria-label={t('accounts.onServer')} onSubmit={change}>
      <h3>{t('accounts.onServer')}</h3>
      {!online ? <p className="muted">{t('accounts.offline')}</p> : null}
      <label className="field">
        <span>{t('accounts.newPassword')}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={password}
          disabled={!online}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <label className="field">
        <span>{t('accounts.newPasswordAgain')}</span>
        <input
          type="password"
          autoComplete="new-password"
          value={again}
          disabled={!online}
          onChange={(e) => setAgain(e.target.value)}
          required
        />
      </label>
      <ErrorText message={error} />
      <StatusNotice text={notice} />
      <div className="actions">
        <button type="button" className="danger" disabled={!online} onClick={() => void remove()}>
          {t('accounts.delete')}
        </button>
        <button type="submit" className="primary" disabled={!online || !password}>
          {t('accounts.changePassword')}
        </button>
      </div>
    </form>
  );
}
