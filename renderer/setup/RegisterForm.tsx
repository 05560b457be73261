// Creates an account in-band (XEP-0077): asks the server for its form, shows exactly its fields,
// submits them, then logs in with the new account.
import { type FormEvent, useState } from 'react';
import type { ServerAddress, RegistrationForm as ServerForm } from '../../shared/model/account.ts';
import { CommandError, type CertificateDetails } from '../../shared/ipc/result.ts';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { setState } from '../store/index.ts';
import { AdvancedFields, type Advanced, NO_ADVANCED, parseAdvanced } from './AdvancedFields.tsx';
import { CertificatePrompt } from './CertificatePrompt.tsx';
import { RegistrationFields } from './RegistrationFields.tsx';
import { StatusNotice } from '../components/StatusNotice.tsx';

export function RegisterForm() {
  const t = useT();
  const [domain, setDomain] = useState('');
  const [advanced, setAdvanced] = useState<Advanced>(NO_ADVANCED);
  const [address, setAddress] = useState<ServerAddress>();
  const [form, setForm] = useState<ServerForm>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [certificate, setCertificate] = useState<CertificateDetails>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  /** `keep`: what the user typed that a new form (a new CAPTCHA) should not make them type again. */
  const fetchForm = async (target: ServerAddress, keep: Record<string, string> = {}): Promise<void> => {
    setBusy(true);
    setError(undefined);
    try {
      const fetched = await call('account.registrationForm', target);
      setAddress(target);
      setForm(fetched);
      setValues(
        Object.fromEntries(
          fetched.fields.map((f) => [f.name, (f.type !== 'hidden' && keep[f.name]) || (f.value ?? '')]),
        ),
      );
    } catch (failure) {
      if (failure instanceof CommandError && failure.certificate) {
        setAddress(target);
        setCertificate(failure.certificate);
      } else setError(failure);
    } finally {
      setBusy(false);
    }
  };

  const start = (event: FormEvent): void => {
    event.preventDefault();
    const options = parseAdvanced(advanced, t);
    if (typeof options === 'string') return setError(options);
    void fetchForm({
      domain: domain.trim(),
      tls: options.tls,
      ...(options.host ? { host: options.host } : {}),
      ...(options.port ? { port: options.port } : {}),
    });
  };

  const register = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!address) return;
    setBusy(true);
    setError(undefined);
    try {
      const { username = '', password = '', ...fields } = values;
      const jid = await call('account.register', { ...address, username, password, fields });
      setNotice(t('setup.registered', { jid }));
      setState({ addingAccount: true });
      const account = await call('account.add', {
        jid,
        password,
        tls: address.tls ?? 'starttls',
        ...(address.host ? { host: address.host } : {}),
        ...(address.port ? { port: address.port } : {}),
      });
      if (address.pinnedFingerprint)
        await call('account.trustCertificate', { account: account.id, fingerprint: address.pinnedFingerprint });
      setState({ setupAccount: account.id });
      await call('account.connect', { account: account.id }).catch(() => undefined);
    } catch (failure) {
      setNotice(undefined);
      if (failure instanceof CommandError && failure.reason?.code === 'captcha-failed') {
        const { username = '', password = '' } = values;
        await fetchForm(address, { username, password });
      }
      setError(failure);
    } finally {
      setBusy(false);
    }
  };

  if (certificate && address) {
    return (
      <CertificatePrompt
        server={address.domain}
        certificate={certificate}
        onReject={() => {
          setCertificate(undefined);
          setAddress(undefined);
        }}
        onTrust={() => {
          setCertificate(undefined);
          void fetchForm({ ...address, pinnedFingerprint: certificate.fingerprint });
        }}
      />
    );
  }
  if (form && address) {
    return (
      <form className="setup-form" onSubmit={(e) => void register(e)} aria-label={t('setup.createTab')}>
        {form.instructions ? <p className="instructions">{form.instructions}</p> : null}
        <p className="muted">
          {t('setup.server')}: <strong>{address.domain}</strong>
        </p>
        <RegistrationFields fields={form.fields} values={values} onChange={setValues} />
        <ErrorText message={error} />
        <StatusNotice text={notice} />
        <div className="actions">
          <button
            type="button"
            onClick={() => {
              setForm(undefined);
              setAddress(undefined);
            }}
          >
            {t('setup.cancel')}
          </button>
          <button type="submit" className="primary" disabled={busy}>
            {t('setup.register')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <form className="setup-form" onSubmit={start} aria-label={t('setup.createTab')}>
      <label className="field">
        <span>{t('setup.server')}</span>
        <input
          autoFocus
          type="text"
          placeholder="example.org"
          value={domain}
          onChange={(e) => setDomain(e.target.value)}
          required
        />
      </label>
      <AdvancedFields values={advanced} onChange={setAdvanced} withAccountFields={false} />
      <ErrorText message={error} />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('setup.connecting') : t('setup.fetchForm')}
      </button>
    </form>
  );
}
