// What our client tells others about us: its name and version (XEP-0092), the operating system, the local
// time (XEP-0202) and how long we have been idle (XEP-0012). What is off is neither answered nor advertised.
// And whether calls go through the server's relay only, so the other side never learns our addresses.
import { useEffect, useState } from 'react';
import type { PrivacySettings } from '../../shared/model/entity.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { updateSettings, useAppStore } from '../store/index.ts';

const SWITCHES = ['version', 'os', 'time', 'lastActivity'] as const;

export function PrivacySection() {
  const t = useT();
  const [settings, setSettings] = useState<PrivacySettings>();
  const [error, setError] = useState<unknown>();
  const relayOnly = useAppStore((s) => s.settings.callsRelayOnly);
  useEffect(() => {
    call('privacy.get', {}).then(setSettings, (e: unknown) => setError(e));
  }, []);
  const change = (key: keyof PrivacySettings, on: boolean): void => {
    if (!settings) return;
    const next = { ...settings, [key]: on, ...(key === 'version' && !on ? { os: false } : {}) };
    setSettings(next);
    call('privacy.set', next).then(setSettings, (e: unknown) => setError(e));
  };
  return (
    <section className="dialog-form" aria-label={t('privacy.title')}>
      <h3>{t('privacy.title')}</h3>
      {settings
        ? SWITCHES.map((key) => (
            <label className="checkbox" key={key}>
              <input
                type="checkbox"
                checked={settings[key]}
                disabled={key === 'os' && !settings.version}
                onChange={(e) => change(key, e.target.checked)}
              />
              <span>{t(`privacy.${key}`)}</span>
            </label>
          ))
        : null}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={relayOnly}
          onChange={(e) => updateSettings({ callsRelayOnly: e.target.checked })}
        />
        <span>{t('privacy.callsRelayOnly')}</span>
      </label>
      <ErrorText message={error} />
    </section>
  );
}
