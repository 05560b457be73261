// Fixing what stops an account from connecting: its password, or an untrusted certificate.
import { type FormEvent, useState } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { CertificatePrompt } from '../setup/CertificatePrompt.tsx';
import { openDialog, useAppStore } from '../store/index.ts';

const close = (): void => openDialog(undefined);

export function PasswordDialog({ account }: { account: AccountId }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>();
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      await call('account.update', { account, password });
      close();
      await call('account.connect', { account }).catch(() => undefined);
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <Dialog title={t('password.title', { jid: account })} onClose={close}>
      <form className="dialog-form" onSubmit={(e) => void save(e)}>
        <label className="field">
          <span>{t('password.new')}</span>
          <input
            autoFocus
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            required
          />
        </label>
        <ErrorText message={error} />
        <div className="actions">
          <button type="submit" className="primary">
            {t('password.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function CertificateDialog({ account }: { account: AccountId }) {
  const t = useT();
  const state = useAppStore((s) => s.accounts.find((a) => a.id === account)?.state);
  if (state?.status !== 'certificateUntrusted') return null;
  return (
    <Dialog title={t('cert.title')} onClose={close}>
      <CertificatePrompt
        server={account.split('@')[1] ?? account}
        certificate={state}
        onReject={close}
        onTrust={() => {
          close();
          void call('account.trustCertificate', { account, fingerprint: state.fingerprint })
            .then(() => call('account.connect', { account }))
            .catch(() => undefined);
        }}
      />
    </Dialog>
  );
}
