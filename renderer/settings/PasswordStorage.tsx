// How passwords are kept on this computer, said plainly: with a weak keychain or none, the user is told
// and chooses whether passwords are kept (else they are asked for at each start).
import { useEffect, useState } from 'react';
import type { SecretsStatus } from '../../shared/model/secrets.ts';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';

export function usePasswordStorage(): [SecretsStatus | undefined, (remember: boolean) => void] {
  const [status, setStatus] = useState<SecretsStatus>();
  useEffect(() => {
    void call('secrets.status', {}).then(setStatus, () => undefined);
  }, []);
  const setRemember = (remember: boolean): void => {
    void call('secrets.setRememberPasswords', { remember }).then(setStatus, () => undefined);
  };
  return [status, setRemember];
}

/** A warning where passwords are not protected the way a keychain would. */
export function PasswordStorageWarning({ status }: { status: SecretsStatus | undefined }) {
  const t = useT();
  if (status?.protection !== 'weak' && status?.protection !== 'none') return null;
  return (
    <p className="banner warning" role="note">
      {t(`secrets.${status.protection}`)}
    </p>
  );
}

export function PasswordStorage() {
  const t = useT();
  const [status, setRemember] = usePasswordStorage();
  if (!status) return null;
  return (
    <section className="dialog-form" aria-label={t('secrets.title')}>
      <h3>{t('secrets.title')}</h3>
      {status.protection === 'keychain' || status.protection === 'memory' ? (
        <p className="muted">{t(`secrets.${status.protection}`)}</p>
      ) : (
        <PasswordStorageWarning status={status} />
      )}
      {status.protection === 'keychain' || status.protection === 'weak' ? (
        <label className="checkbox">
          <input type="checkbox" checked={status.rememberPasswords} onChange={(e) => setRemember(e.target.checked)} />
          <span>{t('secrets.remember')}</span>
        </label>
      ) : null}
    </section>
  );
}
