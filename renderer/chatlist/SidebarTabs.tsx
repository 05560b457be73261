// Chats or Contacts in the left pane; the Chats tab carries the unread total.
import { useT } from '../i18n/useT.ts';
import { updateSettings, useAppStore } from '../store/index.ts';
import type { SidebarView } from '../store/settings.ts';

export function SidebarTabs() {
  const t = useT();
  const view = useAppStore((s) => s.settings.sidebarView);
  const total = useAppStore((s) => Object.values(s.unread).reduce((sum, n) => sum + n, 0));
  const tab = (value: SidebarView, label: string) => (
    <button
      type="button"
      role="tab"
      aria-selected={view === value}
      className={view === value ? 'tab selected' : 'tab'}
      onClick={() => updateSettings({ sidebarView: value })}
    >
      {label}
    </button>
  );
  return (
    <div className="sidebar-tabs" role="tablist" aria-label={t('chatList.views')}>
      {tab('chats', total > 0 ? `${t('chatList.tab')} (${total})` : t('chatList.tab'))}
      {tab('contacts', t('chatList.contactsTab'))}
    </div>
  );
}
