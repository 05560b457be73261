import { useEffect } from 'react';
import { useT } from './i18n/useT.ts';
import { MainWindow } from './main/MainWindow.tsx';
import { SetupScreen } from './setup/SetupScreen.tsx';
import { activeAccountOf, getState, openDialog, setState, useAppStore } from './store/index.ts';
import type { Theme } from './store/settings.ts';
import { titleWithUnread, totalUnread } from '../shared/model/unreadTitle.ts';
import { useSystemHooks } from './main/systemHooks.ts';
import { useAutoAway } from './main/autoAway.ts';
import { ConfirmationDialog } from './components/Confirmation.tsx';
import { CallOverlay } from './calls/CallPanel.tsx';
import { useCompactCallWindow } from './calls/callWindowMode.ts';

function useTheme(theme: Theme, language: string): void {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)');
    const apply = (): void => {
      document.documentElement.dataset.theme = theme === 'system' ? (media.matches ? 'dark' : 'light') : theme;
    };
    apply();
    media.addEventListener('change', apply);
    return () => media.removeEventListener('change', apply);
  }, [theme]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
}

function useShortcuts(): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'k') {
        event.preventDefault();
        openDialog({ kind: 'switcher' });
      } else if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'f') {
        // Ctrl+Shift+F: every chat; Ctrl+F: find in the open one (or every chat when none is open).
        event.preventDefault();
        const open = getState().openChat;
        if (open && !event.shiftKey) setState({ findInChat: { account: open.account, peer: open.peer } });
        else openDialog({ kind: 'search' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}

export function App() {
  const t = useT();
  const settings = useAppStore((s) => s.settings);
  const loaded = useAppStore((s) => s.loaded);
  const engineError = useAppStore((s) => s.engineError);
  const account = useAppStore(activeAccountOf);
  const settingUp = useAppStore((s) => s.setupAccount !== undefined || s.addingAccount);
  useTheme(settings.theme, settings.language);
  useShortcuts();
  const unread = useAppStore((s) => totalUnread(s.unread));
  const compact = useCompactCallWindow();
  useSystemHooks();
  useAutoAway();
  useEffect(() => {
    // "(3) JabberDesk": the window title, the taskbar entry, and (desktop) the badge follow it.
    document.title = titleWithUnread(t('app.name'), unread);
  }, [t, unread]);
  if (engineError)
    return (
      <main className="setup">
        <p role="alert" className="error">
          {t('app.noEngine', { message: engineError })}
        </p>
      </main>
    );
  if (!loaded)
    return (
      <main className="setup">
        <p role="status">{t('app.loading')}</p>
      </main>
    );
  return (
    <>
      {/* Hidden, not unmounted, while the window shows only a call: the chats come back as they were. */}
      <div className="app-body" hidden={compact}>
        {!account || settingUp ? <SetupScreen /> : <MainWindow account={account} />}
        <ConfirmationDialog />
      </div>
      <CallOverlay compact={compact} />
    </>
  );
}
