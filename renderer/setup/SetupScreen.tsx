// First run (or "add another account"): log in or create an account, then on to the main window.
import { useEffect, useState } from 'react';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { setState, useAppStore } from '../store/index.ts';
import { CertificatePrompt } from './CertificatePrompt.tsx';
import { LoginForm } from './LoginForm.tsx';
import { RegisterForm } from './RegisterForm.tsx';

export function SetupScreen() {
  const t = useT();
  const [tab, setTab] = useState<'login' | 'create'>('login');
  const account = useAppStore((s) => s.accounts.find((a) => a.id === s.setupAccount));
  const canCancel = useAppStore((s) => s.accounts.some((a) => a.id !== s.setupAccount));

  useEffect(() => {
    if (account?.state.status === 'online')
      setState({ setupAccount: undefined, addingAccount: false, activeAccount: account.id });
  }, [account]);

  const cancel = (): void => {
    if (account) void call('account.remove', { account: account.id });
    setState({ setupAccount: undefined, addingAccount: false });
  };
  const state = account?.state;

  return (
    <main className="setup">
      <div className="setup-card">
        <h1>{t('setup.title')}</h1>
        <p className="muted">{t('setup.subtitle')}</p>
        {state?.status === 'certificateUntrusted' && account ? (
          <CertificatePrompt
            server={account.jid.split('@')[1] ?? account.jid}
            certificate={state}
            onReject={cancel}
            onTrust={() =>
              void call('account.trustCertificate', { account: account.id, fingerprint: state.fingerprint })
                .then(() => call('account.connect', { account: account.id }))
                .catch(() => undefined)
            }
          />
        ) : null}
        {/* Kept mounted (only hidden) while the certificate is reviewed, so nothing typed is lost. */}
        <div hidden={state?.status === 'certificateUntrusted'} className="setup-body">
          <div role="tablist" aria-label={t('setup.tabs')} className="tabs">
            <button type="button" role="tab" aria-selected={tab === 'login'} onClick={() => setTab('login')}>
              {t('setup.loginTab')}
            </button>
            <button type="button" role="tab" aria-selected={tab === 'create'} onClick={() => setTab('create')}>
              {t('setup.createTab')}
            </button>
          </div>
          <div role="tabpanel">{tab === 'login' ? <LoginForm /> : <RegisterForm />}</div>
        </div>
        {canCancel || account ? (
          <button type="button" className="link-button" onClick={cancel}>
            {t('setup.cancel')}
          </button>
        ) : null}
      </div>
    </main>
  );
}
