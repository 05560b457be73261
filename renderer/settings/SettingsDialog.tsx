// Appearance (theme, language) and the active account's settings.
import { type FormEvent, useState } from 'react';
import type { Account } from '../../shared/model/account.ts';
import { Dialog } from '../components/Dialog.tsx';
import { ErrorText } from '../components/ErrorText.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { openDialog, setState, updateSettings, useAppStore } from '../store/index.ts';
import { type Language, MAX_AUTO_DOWNLOAD_MB, type Theme } from '../store/settings.ts';
import { PasswordStorage } from './PasswordStorage.tsx';
import { PrivacySection } from './PrivacySection.tsx';
import { AccountsSection } from '../accounts/AccountsSection.tsx';
import { ServerAccountActions } from '../accounts/ServerAccountActions.tsx';
import { AvatarPicker } from '../avatars/AvatarPicker.tsx';
import { ProfileEditor } from '../profile/ProfileEditor.tsx';
import { OpenPgpSettings } from './OpenPgpSettings.tsx';
import { NotificationSettings } from '../notify/NotificationSettings.tsx';
import { DesktopSettingsSection } from './DesktopSettingsSection.tsx';
import { askConfirm, showNotice } from '../components/Confirmation.tsx';
import { StatusNotice } from '../components/StatusNotice.tsx';

const close = (): void => openDialog(undefined);

function AccountSettings({ account }: { account: Account }) {
  const t = useT();
  const [resource, setResource] = useState(account.resource);
  const [priority, setPriority] = useState(String(account.priority));
  const [message, setMessage] = useState<string>();
  const [error, setError] = useState<unknown>();
  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    const value = Number(priority);
    if (!Number.isInteger(value) || value < -128 || value > 127) return setError(t('setup.invalidPriority'));
    try {
      await call('account.update', { account: account.id, resource: resource.trim(), priority: value });
      if (account.state.status === 'online')
        await call('presence.set', {
          account: account.id,
          show: account.presence.show,
          status: account.presence.status,
          priority: value,
        });
      setError(undefined);
      setMessage(t('settings.saved'));
    } catch (failure) {
      setError(failure);
    }
  };
  const remove = (): void => {
    void askConfirm(t('settings.confirmRemoveAccount', { jid: account.jid }), t('settings.removeAccount')).then(
      async (ok) => {
        if (!ok) return;
        await call('account.remove', { account: account.id }).then(
          () => setState({ dialog: undefined, openChat: undefined }),
          showNotice,
        );
      },
    );
  };
  return (
    <form className="dialog-form" onSubmit={(e) => void save(e)}>
      <h3>{t('settings.account', { jid: account.jid })}</h3>
      <label className="field">
        <span>{t('settings.resource')}</span>
        <input value={resource} onChange={(e) => setResource(e.target.value)} />
      </label>
      <label className="field">
        <span>{t('settings.priority')}</span>
        <input type="number" min={-128} max={127} value={priority} onChange={(e) => setPriority(e.target.value)} />
      </label>
      <ErrorText message={error} />
      <StatusNotice text={message} />
      <div className="actions">
        <button type="button" className="danger" onClick={remove}>
          {t('settings.removeAccount')}
        </button>
        <button type="button" onClick={() => openDialog({ kind: 'password', account: account.id })}>
          {t('settings.savedPassword')}
        </button>
        <button type="button" onClick={() => openDialog({ kind: 'xmlConsole', account: account.id })}>
          {t('console.open')}
        </button>
        <button type="button" onClick={() => openDialog({ kind: 'services', account: account.id })}>
          {t('services.open')}
        </button>
        <button type="submit" className="primary">
          {t('settings.saveAccount')}
        </button>
      </div>
    </form>
  );
}

function BlockedList({ account }: { account: Account }) {
  const t = useT();
  const blocked = useAppStore((s) => s.blocked[account.id]) ?? [];
  return (
    <section className="dialog-form" aria-label={t('settings.blocked')}>
      <h3>{t('settings.blocked')}</h3>
      {blocked.length === 0 ? (
        <p className="muted">{t('settings.noneBlocked')}</p>
      ) : (
        <ul className="blocked-list">
          {blocked.map((jid) => (
            <li key={jid}>
              <span>{jid}</span>
              <button
                type="button"
                aria-label={t('settings.unblock', { jid })}
                onClick={() => void call('blocklist.unblock', { account: account.id, jid })}
              >
                ✓
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function SettingsDialog({ account }: { account: Account | undefined }) {
  const t = useT();
  const settings = useAppStore((s) => s.settings);
  return (
    <Dialog title={t('settings.title')} onClose={close} wide>
      <section className="dialog-form">
        <h3>{t('settings.appearance')}</h3>
        <label className="field">
          <span>{t('settings.theme')}</span>
          <select value={settings.theme} onChange={(e) => updateSettings({ theme: e.target.value as Theme })}>
            <option value="system">{t('theme.system')}</option>
            <option value="light">{t('theme.light')}</option>
            <option value="dark">{t('theme.dark')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('settings.language')}</span>
          <select value={settings.language} onChange={(e) => updateSettings({ language: e.target.value as Language })}>
            <option value="en">English</option>
            <option value="de">Deutsch</option>
          </select>
        </label>
      </section>
      <NotificationSettings />
      <DesktopSettingsSection />
      <section className="dialog-form" aria-label={t('settings.files')}>
        <h3>{t('settings.files')}</h3>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.autoDownloadImages}
            onChange={(e) => updateSettings({ autoDownloadImages: e.target.checked })}
          />
          <span>{t('settings.autoDownload')}</span>
        </label>
        <label className="field">
          <span>{t('settings.autoDownloadLimit')}</span>
          <input
            type="number"
            min={0}
            max={MAX_AUTO_DOWNLOAD_MB}
            step={1}
            value={settings.autoDownloadLimitMB}
            disabled={!settings.autoDownloadImages}
            onChange={(e) => {
              const mb = Number(e.target.value);
              if (Number.isFinite(mb) && mb >= 0 && mb <= MAX_AUTO_DOWNLOAD_MB)
                updateSettings({ autoDownloadLimitMB: mb });
            }}
          />
        </label>
      </section>
      {account ? (
        <AvatarPicker
          key={`avatar-${account.id}`}
          jid={account.jid}
          offline={account.state.status !== 'online'}
          save={(image) => call('avatar.setOwn', { account: account.id, ...(image ? { image } : {}) })}
        />
      ) : null}
      {account ? <ProfileEditor key={`profile-${account.id}`} account={account} /> : null}
      {account ? <OpenPgpSettings key={`openpgp-${account.id}`} account={account} /> : null}
      {account ? <AccountSettings key={account.id} account={account} /> : null}
      {account ? <ServerAccountActions key={`server-${account.id}`} account={account} /> : null}
      <AccountsSection />
      <PasswordStorage />
      <PrivacySection />
      {account ? <BlockedList account={account} /> : null}
      <div className="actions">
        <button type="button" onClick={() => openDialog({ kind: 'export' })}>
          {t('export.all')}
        </button>
        <button type="button" onClick={() => setState({ dialog: undefined, addingAccount: true })}>
          {t('settings.addAccount')}
        </button>
      </div>
    </Dialog>
  );
}
