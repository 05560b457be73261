// Settings → Desktop (the desktop app only): closing to the tray, starting minimised or at login, and
// which dictionaries the spell-checker uses.
import { useEffect, useState } from 'react';
import type { DesktopInfo, DesktopSettings } from '../../shared/ipc/desktop.ts';
import { ErrorText } from '../components/ErrorText.tsx';
import { useT } from '../i18n/useT.ts';
import { desktop } from '../ipc/desktop.ts';
import { useAppStore } from '../store/index.ts';

const languageName = (code: string, uiLanguage: string): string => {
  try {
    return new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
};

export function DesktopSettingsSection() {
  const t = useT();
  const uiLanguage = useAppStore((s) => s.settings.language);
  const [info, setInfo] = useState<DesktopInfo>();
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void desktop?.info().then(setInfo, () => setFailed(true));
  }, []);
  if (!desktop || (!info && !failed)) return null;
  const change = (value: Partial<DesktopSettings>): void => {
    void desktop?.setSettings(value).then(setInfo, () => setFailed(true));
  };
  const settings = info?.settings;
  return (
    <section className="dialog-form" aria-label={t('settings.desktop')}>
      <h3>{t('settings.desktop')}</h3>
      <ErrorText message={failed ? t('settings.desktopFailed') : undefined} />
      {settings && info.trayAvailable ? (
        <>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.closeToTray}
              onChange={(e) => change({ closeToTray: e.target.checked })}
            />
            <span>{t('settings.closeToTray')}</span>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={settings.startMinimized}
              onChange={(e) => change({ startMinimized: e.target.checked })}
            />
            <span>{t('settings.startMinimized')}</span>
          </label>
        </>
      ) : null}
      {settings && info.loginItemAvailable ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={settings.startAtLogin}
            onChange={(e) => change({ startAtLogin: e.target.checked })}
          />
          <span>{t('settings.startAtLogin')}</span>
        </label>
      ) : null}
      {settings && info.spellcheckLanguages.length > 0 ? (
        <label className="field">
          <span>{t('settings.spellcheck')}</span>
          <select
            multiple
            size={5}
            value={settings.spellcheckLanguages}
            onChange={(e) => change({ spellcheckLanguages: [...e.target.selectedOptions].map((o) => o.value) })}
          >
            {info.spellcheckLanguages.map((code) => (
              <option key={code} value={code}>
                {languageName(code, uiLanguage)} ({code})
              </option>
            ))}
          </select>
          <small className="muted">{t('settings.spellcheckHint')}</small>
        </label>
      ) : null}
    </section>
  );
}
