// Log in with an existing account. The account is added once and then updated on every retry,
// so a wrong password is fixed in place.
import { type FormEvent, useState } from 'react';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { getState, setState, useAppStore } from '../store/index.ts';
import { AdvancedFields, type Advanced, NO_ADVANCED, parseAdvanced } from './AdvancedFields.tsx';
import { offlineText } from '../main/offlineText.ts';
import { PasswordStorageWarning, usePasswordStorage } from '../settings/PasswordStorage.tsx';

export function LoginForm() {
  const t = useT();
  const [jid, setJid] = useState('');
  const [password, setPassword] = useState('');
  const [advanced, setAdvanced] = useState<Advanced>(NO_ADVANCED);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const account = useAppStore((s) => s.accounts.find((a) => a.id === s.setupAccount));

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const options = parseAdvanced(advanced, t);
    if (typeof options === 'string') return setError(options);
    setError(undefined);
    setBusy(true);
    try {
      let id = getState().setupAccount;
      if (id && account && account.jid !== jid.trim().toLowerCase()) {
        await call('account.remove', { account: id });
        id = undefined;
      }
      if (id) await call('account.update', { account: id, password, ...options });
      else {
        setState({ addingAccount: true });
        id = (await call('account.add', { jid, password, ...options })).id;
        setState({ setupAccount: id });
      }
      await call('account.connect', { account: id }).catch(() => undefined);
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const [passwordStorage] = usePasswordStorage();
  const state = account?.state;
  const stateError =
    state?.status === 'authFailed' ? t('setup.authFailed', { message: state.message }) : offlineText(state, t);
  const connecting = busy || state?.status === 'connecting' || state?.status === 'reconnecting';
  return (
    <form className="setup-form" onSubmit={(e) => void submit(e)} aria-label={t('setup.loginTab')}>
      <label className="field">
        <span>{t('setup.jid')}</span>
        <input
          autoFocus
          type="text"
          autoComplete="username"
          placeholder={t('setup.jidHint')}
          value={jid}
          onChange={(e) => setJid(e.target.value)}
          required
        />
      </label>
      <label className="field">
        <span>{t('setup.password')}</span>
        <input
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          required
        />
      </label>
      <AdvancedFields values={advanced} onChange={setAdvanced} withAccountFields />
      <ErrorText message={error ?? stateError} />
      <PasswordStorageWarning status={passwordStorage} />
      <button type="submit" className="primary" disabled={connecting}>
        {connecting ? t('setup.connecting') : t('setup.login')}
      </button>
    </form>
  );
}
