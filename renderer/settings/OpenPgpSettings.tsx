// An account's OpenPGP key in the settings: its fingerprint, the public key to hand out, another private
// key to use instead, the backup on the server (XEP-0373 §5) and its restore, and signed presence (XEP-0027).
import { type FormEvent, useEffect, useState } from 'react';
import type { Account } from '../../shared/model/account.ts';
import { formatPgpFingerprint, type OwnOpenPgpKey } from '../../shared/model/openpgp.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { StatusNotice } from '../components/StatusNotice.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';

export function OpenPgpSettings({ account }: { account: Account }) {
  const t = useT();
  const [own, setOwn] = useState<OwnOpenPgpKey | null>(null);
  const [armored, setArmored] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const online = account.state.status === 'online';
  useEffect(() => {
    void call('openpgp.ownKey', { account: account.id }).then(setOwn, () => undefined);
  }, [account.id, online]);
  const run = async (action: () => Promise<string>): Promise<void> => {
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await action());
      setOwn(await call('openpgp.ownKey', { account: account.id }));
    } catch (failure) {
      setError(failure);
    }
  };
  const importOwn = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      const key = await call('openpgp.importKey', { account: account.id, armored, passphrase });
      setArmored('');
      setPassphrase('');
      return t('openpgp.importedOwn', { fingerprint: formatPgpFingerprint(key.fingerprint) });
    });
  };
  const restore = (event: FormEvent): void => {
    event.preventDefault();
    void run(async () => {
      const key = await call('openpgp.restore', { account: account.id, code: code.trim() });
      setCode('');
      return t('openpgp.restored', { fingerprint: formatPgpFingerprint(key.fingerprint) });
    });
  };
  return (
    <section className="dialog-form openpgp-settings" aria-label={t('openpgp.ownKey')}>
      <h3>{t('openpgp.ownKey')}</h3>
      {own ? (
        <code className="fingerprint">{formatPgpFingerprint(own.fingerprint)}</code>
      ) : (
        <p className="muted">{t('openpgp.noOwnKey')}</p>
      )}
      <div className="button-row">
        <button
          type="button"
          disabled={!own}
          onClick={() =>
            void run(async () => {
              await navigator.clipboard.writeText(own?.armored ?? '');
              return t('openpgp.copied');
            })
          }
        >
          {t('openpgp.copyPublic')}
        </button>
        <button
          type="button"
          disabled={!own || !online}
          onClick={() =>
            void run(async () =>
              t('openpgp.backupCode', { code: (await call('openpgp.backup', { account: account.id })).code }),
            )
          }
        >
          {t('openpgp.backup')}
        </button>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={own?.signsPresence === true}
          disabled={!own || !online}
          onChange={(e) => {
            const sign = e.target.checked;
            void run(async () => {
              await call('openpgp.setSignPresence', { account: account.id, sign });
              return '';
            });
          }}
        />
        <span>{t('openpgp.signPresence')}</span>
      </label>
      <ErrorText message={error} />
      <StatusNotice text={notice || undefined} />
      <details>
        <summary>{t('openpgp.restore')}</summary>
        <form onSubmit={restore}>
          <label className="field">
            <span>{t('openpgp.restoreCode')}</span>
            <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="XXXX-XXXX-XXXX-XXXX-XXXX-XXXX" />
          </label>
          <div className="actions">
            <button type="submit" disabled={!online || !code.trim()}>
              {t('openpgp.restore')}
            </button>
          </div>
        </form>
      </details>
      <details>
        <summary>{t('openpgp.importOwn')}</summary>
        <form onSubmit={importOwn}>
          <label className="field">
            <span>{t('openpgp.armored')}</span>
            <textarea rows={4} value={armored} onChange={(e) => setArmored(e.target.value)} spellCheck={false} />
          </label>
          <label className="field">
            <span>{t('openpgp.passphrase')}</span>
            <input type="password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
          </label>
          <div className="actions">
            <button type="submit" disabled={!online || !armored.trim()}>
              {t('openpgp.import')}
            </button>
          </div>
        </form>
      </details>
    </section>
  );
}
