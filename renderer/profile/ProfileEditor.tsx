// Our profile (XEP-0292 vCard4) and the nickname contacts see (XEP-0172): loaded from the server, saved to it.
import { type FormEvent, useEffect, useState } from 'react';
import type { Account } from '../../shared/model/account.ts';
import { EMPTY_PROFILE, type Profile, PROFILE_FIELDS, type ProfileField } from '../../shared/model/profile.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { StatusNotice } from '../components/StatusNotice.tsx';

const INPUT_TYPES: Partial<Record<ProfileField, string>> = {
  email: 'email',
  phone: 'tel',
  url: 'url',
  birthday: 'date',
};

export function ProfileEditor({ account }: { account: Account }) {
  const t = useT();
  const [profile, setProfile] = useState<Profile>();
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);
  const online = account.state.status === 'online';
  useEffect(() => {
    if (!online) return;
    call('profile.own', { account: account.id }).then(setProfile, () => setProfile({ ...EMPTY_PROFILE }));
  }, [account.id, online]);
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (!profile) return;
    setBusy(true);
    setError(undefined);
    try {
      await call('profile.setOwn', { account: account.id, profile });
      setNotice(t('profile.saved'));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="dialog-form" aria-label={t('profile.title')} onSubmit={(e) => void save(e)}>
      <h3>{t('profile.title')}</h3>
      {!online ? <p className="muted">{t('profile.offline')}</p> : null}
      {online && !profile ? <p className="muted">{t('app.loading')}</p> : null}
      {profile ? (
        <div className="profile-fields">
          {PROFILE_FIELDS.map((field) => (
            <label className={`field${field === 'note' ? ' wide' : ''}`} key={field}>
              <span>{t(`profile.${field}`)}</span>
              {field === 'note' ? (
                <textarea
                  rows={3}
                  value={profile[field]}
                  onChange={(e) => setProfile({ ...profile, [field]: e.target.value })}
                />
              ) : (
                <input
                  type={INPUT_TYPES[field] ?? 'text'}
                  value={profile[field]}
                  onChange={(e) => setProfile({ ...profile, [field]: e.target.value })}
                />
              )}
            </label>
          ))}
        </div>
      ) : null}
      <ErrorText message={error} />
      <StatusNotice text={notice} />
      <div className="actions">
        <button type="submit" className="primary" disabled={!profile || busy}>
          {t('profile.save')}
        </button>
      </div>
    </form>
  );
}
