// Settings → Notifications: on/off (asking the browser's permission on this click), what they show, a sound.
import { useState } from 'react';
import { useT } from '../i18n/useT.ts';
import { updateSettings, useAppStore } from '../store/index.ts';
import type { NotifyPrivacy } from './notifyPolicy.ts';
import { desktop } from '../ipc/desktop.ts';

// The desktop app shows notifications from its main process: no browser permission is involved.
const permission = (): NotificationPermission | 'unsupported' =>
  desktop ? 'granted' : typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

export function NotificationSettings() {
  const t = useT();
  const settings = useAppStore((s) => s.settings);
  const [allowed, setAllowed] = useState(permission());
  const enable = (on: boolean): void => {
    updateSettings({ notifications: on });
    if (on && allowed === 'default') void Notification.requestPermission().then(setAllowed);
  };
  return (
    <section className="dialog-form" aria-label={t('settings.notifications')}>
      <h3>{t('settings.notifications')}</h3>
      <label className="checkbox">
        <input type="checkbox" checked={settings.notifications} onChange={(e) => enable(e.target.checked)} />
        <span>{t('settings.notifyEnabled')}</span>
      </label>
      {settings.notifications && allowed === 'denied' ? (
        <p className="banner warning">{t('settings.notifyBlocked')}</p>
      ) : null}
      <label className="field">
        <span>{t('settings.notifyPrivacy')}</span>
        <select
          value={settings.notifyPrivacy}
          disabled={!settings.notifications}
          onChange={(e) => updateSettings({ notifyPrivacy: e.target.value as NotifyPrivacy })}
        >
          <option value="full">{t('privacy.full')}</option>
          <option value="sender">{t('privacy.sender')}</option>
          <option value="none">{t('privacy.none')}</option>
        </select>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={settings.notifySound}
          disabled={!settings.notifications}
          onChange={(e) => updateSettings({ notifySound: e.target.checked })}
        />
        <span>{t('settings.notifySound')}</span>
      </label>
      <h4>{t('settings.autoAway')}</h4>
      {(['awayAfterMinutes', 'xaAfterMinutes'] as const).map((key) => (
        <label className="field" key={key}>
          <span>{t(key === 'awayAfterMinutes' ? 'settings.awayAfter' : 'settings.xaAfter')}</span>
          <input
            type="number"
            min={0}
            max={1440}
            step={1}
            value={settings[key]}
            onChange={(e) => {
              const value = Number(e.target.value);
              if (Number.isInteger(value) && value >= 0 && value <= 1440) updateSettings({ [key]: value });
            }}
          />
        </label>
      ))}
    </section>
  );
}
