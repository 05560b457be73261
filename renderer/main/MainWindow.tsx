// Roster beside the open chat; on a narrow window one of the two at a time.
import { AdhocDialog } from '../services/AdhocDialog.tsx';
import { GatewayDialog } from '../services/GatewayDialog.tsx';
import { ContactCard } from '../contact/ContactCard.tsx';
import { ServiceBrowserDialog } from '../services/ServiceBrowserDialog.tsx';
import type { Account } from '../../shared/model/account.ts';
import { ChatPane } from '../chat/ChatPane.tsx';
import { useT } from '../i18n/useT.ts';
import { AddContactDialog, EditContactDialog } from '../roster/ContactDialogs.tsx';
import { RosterPanel } from '../roster/RosterPanel.tsx';
import { CertificateDialog, PasswordDialog } from '../settings/AccountDialogs.tsx';
import { SettingsDialog } from '../settings/SettingsDialog.tsx';
import { openDialog, useAppStore } from '../store/index.ts';
import { QuickSwitcher } from '../switcher/QuickSwitcher.tsx';
import { ConnectionBanner } from './ConnectionBanner.tsx';
import { Invitations, InviteDialog, JoinRoomDialog } from '../rooms/RoomDialogs.tsx';
import { RoomList } from '../rooms/RoomList.tsx';
import { RoomPane } from '../rooms/RoomPane.tsx';
import { RoomSettingsDialog } from '../rooms/RoomSettingsDialog.tsx';
import { AffiliationsDialog } from '../rooms/AffiliationsDialog.tsx';
import { OwnPresence } from './OwnPresence.tsx';
import { DevicesDialog } from '../omemo/DevicesDialog.tsx';
import { XmppUriDialog } from './XmppUriDialog.tsx';
import { XmlConsoleDialog } from '../console/XmlConsoleDialog.tsx';
import { ChatList } from '../chatlist/ChatList.tsx';
import { NewChatDialog } from '../chatlist/NewChatDialog.tsx';
import { SidebarTabs } from '../chatlist/SidebarTabs.tsx';
import { MessageDetailsDialog } from '../chat/MessageDetailsDialog.tsx';
import { SearchDialog } from '../search/SearchDialog.tsx';
import { ExportDialog } from '../export/ExportDialog.tsx';
import { OccupantCard } from '../rooms/OccupantCard.tsx';
import { CreateRoomDialog } from '../rooms/CreateRoomDialog.tsx';
import { ImageViewer } from '../files/ImageViewer.tsx';

function Dialogs({ account }: { account: Account }) {
  const dialog = useAppStore((s) => s.dialog);
  const chatAccount = useAppStore((s) => s.openChat?.account) ?? account.id;
  switch (dialog?.kind) {
    case undefined:
      return null;
    case 'addContact':
      return <AddContactDialog account={dialog.account ?? account.id} initial={dialog} />;
    case 'image':
      return <ImageViewer account={dialog.account} peer={dialog.peer} url={dialog.url} />;
    case 'createRoom':
      return <CreateRoomDialog account={account.id} />;
    case 'occupant':
      return <OccupantCard account={dialog.account} room={dialog.room} nick={dialog.nick} />;
    case 'editContact':
      return <EditContactDialog account={account.id} jid={dialog.jid} />;
    case 'settings':
      return <SettingsDialog account={account} />;
    case 'password':
      return <PasswordDialog account={dialog.account} />;
    case 'certificate':
      return <CertificateDialog account={dialog.account} />;
    case 'switcher':
      return <QuickSwitcher />;
    case 'joinRoom':
      return (
        <JoinRoomDialog
          account={account.id}
          {...(dialog.room ? { room: dialog.room } : {})}
          {...(dialog.password ? { password: dialog.password } : {})}
          nick={dialog.nick}
        />
      );
    case 'xmppUri':
      return <XmppUriDialog uri={dialog.uri} notice={dialog.notice} />;
    case 'invite':
      return <InviteDialog account={account.id} room={dialog.room} />;
    case 'roomSettings':
      return <RoomSettingsDialog account={account.id} room={dialog.room} />;
    case 'roomLists':
      return <AffiliationsDialog account={account.id} room={dialog.room} />;
    case 'omemoDevices':
      return <DevicesDialog account={chatAccount} peer={dialog.peer} />;
    case 'xmlConsole':
      return <XmlConsoleDialog account={dialog.account} />;
    case 'newChat':
      return <NewChatDialog account={account.id} />;
    case 'messageDetails':
      return <MessageDetailsDialog message={dialog.message} />;
    case 'search':
      return <SearchDialog account={dialog.account} peer={dialog.peer} />;
    case 'export':
      return <ExportDialog account={dialog.account} peer={dialog.peer} />;
    case 'services':
      return <ServiceBrowserDialog account={dialog.account} jid={dialog.jid} />;
    case 'adhoc':
      return <AdhocDialog account={dialog.account} jid={dialog.jid} />;
    case 'contactCard':
      return <ContactCard account={dialog.account} jid={dialog.jid} />;
    case 'gateway':
      return (
        <GatewayDialog account={dialog.account} jid={dialog.jid} {...(dialog.type ? { type: dialog.type } : {})} />
      );
  }
}

export function MainWindow({ account }: { account: Account }) {
  const t = useT();
  const open = useAppStore((s) => s.openChat);
  const chatAccount = useAppStore((s) => s.accounts.find((a) => a.id === open?.account));
  const openRoom = useAppStore((s) => (open ? s.rooms[open.account]?.[open.peer] : undefined));
  const view = useAppStore((s) => s.settings.sidebarView);
  return (
    <div className={`main-window${open ? ' has-chat' : ''}`}>
      <aside className="sidebar">
        <OwnPresence account={account} />
        <SidebarTabs />
        {view === 'chats' ? (
          <ChatList />
        ) : (
          <>
            <RoomList account={account} />
            <RosterPanel account={account} />
          </>
        )}
        <footer className="sidebar-footer">
          <button type="button" onClick={() => openDialog({ kind: 'settings' })}>
            ⚙ {t('settings.open')}
          </button>
          <button
            type="button"
            onClick={() => openDialog({ kind: 'switcher' })}
            aria-keyshortcuts="Control+K Meta+K"
            title={`${t('switcher.open')} (Ctrl+K)`}
          >
            {t('switcher.open')}
          </button>
        </footer>
      </aside>
      <main className="content">
        <ConnectionBanner account={chatAccount ?? account} />
        <Invitations account={account.id} />
        {open && chatAccount && openRoom ? (
          <RoomPane key={`room ${open.peer}`} account={chatAccount} room={openRoom} />
        ) : open && chatAccount ? (
          <ChatPane key={`${open.account} ${open.peer}`} account={chatAccount} peer={open.peer} />
        ) : (
          <div className="no-chat">
            <p>{t('chat.none')}</p>
          </div>
        )}
      </main>
      <Dialogs account={account} />
    </div>
  );
}
