// The renderer's state: one zustand store made of per-domain slices (reducers live beside it).
import { create } from 'zustand';
import type { ArchiveState } from '../../shared/ipc/contract.ts';
import type { Account, AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage, MessageId } from '../../shared/model/message.ts';
import type { RosterItem } from '../../shared/model/roster.ts';
import type { ChatKey, ChatLog } from './chats.ts';
import type { PresenceByJid } from './presence.ts';
import type { DownloadsByUrl, UploadsByChat } from './files.ts';
import type { OccupantsByNick, RoomsByJid } from './rooms.ts';
import type { OmemoByChat } from './omemo.ts';
import type { EncryptionByChat } from './encryption.ts';
import type { ConversationsByChat } from './conversations.ts';
import type { OwnOmemoDevice } from '../../shared/model/omemo.ts';
import type { Bookmark, RoomInvitation } from '../../shared/model/muc.ts';
import type { Gateway } from '../../shared/model/gateway.ts';
import { parseSettings, SETTINGS_KEY, type Settings } from './settings.ts';
import type { Confirmation } from '../components/Confirmation.tsx';

export interface OpenChat {
  account: AccountId;
  peer: BareJid;
  /** How many messages were unread when it was opened: the list marks where they start. */
  unreadAtOpen?: number;
}

export type DialogState =
  | { kind: 'addContact'; account?: AccountId; jid?: string; name?: string; group?: string }
  | { kind: 'occupant'; account: AccountId; room: BareJid; nick: string }
  | { kind: 'editContact'; jid: BareJid }
  | { kind: 'settings' }
  | { kind: 'password'; account: AccountId }
  | { kind: 'certificate'; account: AccountId }
  | { kind: 'switcher' }
  | { kind: 'joinRoom'; room?: string; password?: string; nick?: string }
  | { kind: 'createRoom' }
  | { kind: 'image'; account: AccountId; peer: BareJid; url: string }
  | { kind: 'xmppUri'; uri: string; notice?: string }
  | { kind: 'invite'; room: BareJid }
  | { kind: 'roomSettings'; room: BareJid }
  | { kind: 'roomLists'; room: BareJid }
  | { kind: 'omemoDevices'; peer: BareJid }
  | { kind: 'xmlConsole'; account: AccountId }
  | { kind: 'newChat' }
  | { kind: 'messageDetails'; message: ChatMessage }
  | { kind: 'search'; account?: AccountId; peer?: BareJid }
  | { kind: 'export'; account?: AccountId; peer?: BareJid }
  | { kind: 'services'; account?: AccountId; jid?: string }
  | { kind: 'adhoc'; account: AccountId; jid: string }
  | { kind: 'gateway'; account: AccountId; jid: BareJid; type?: string }
  | { kind: 'contactCard'; account: AccountId; jid: BareJid };

export interface AppState {
  loaded: boolean;
  engineError?: string | undefined;
  accounts: Account[];
  /** The account whose roster is shown. */
  activeAccount?: AccountId | undefined;
  /** An account being set up: the setup screen stays until it is online once. */
  setupAccount?: AccountId | undefined;
  /** The setup screen stays up: another account is being added, or the first one is being created. */
  addingAccount: boolean;
  roster: Record<AccountId, RosterItem[]>;
  presence: Record<AccountId, PresenceByJid>;
  chats: Record<ChatKey, ChatLog>;
  unread: Record<ChatKey, number>;
  /** Chats where the peer is typing right now (XEP-0085). */
  typing: Record<ChatKey, string>;
  /** Each account's blocklist (XEP-0191). */
  blocked: Record<AccountId, BareJid[]>;
  /** Each account's archive catch-up (XEP-0313). */
  archive: Record<AccountId, ArchiveState>;
  /** Group chats per account (XEP-0045) and their occupants by room. */
  rooms: Record<AccountId, RoomsByJid>;
  occupants: Record<ChatKey, OccupantsByNick>;
  invitations: (RoomInvitation & { account: AccountId })[];
  bookmarks: Record<AccountId, Bookmark[]>;
  /** The gateways each account registered with (XEP-0100): listed apart from the contacts. */
  gateways: Record<AccountId, Gateway[]>;
  uploads: UploadsByChat;
  downloads: DownloadsByUrl;
  /** Encryption state per chat (OMEMO), and this device's fingerprint per account. */
  omemo: OmemoByChat;
  /** Each chat's chosen encryption (OMEMO, OpenPGP, legacy OpenPGP or none). */
  encryption: EncryptionByChat;
  ownDevices: Record<AccountId, OwnOmemoDevice>;
  openChat?: OpenChat | undefined;
  /** Text an xmpp: link asks to put into a chat's composer (never sent by itself). */
  composerDraft?: { account: AccountId; peer: BareJid; text: string; append?: boolean } | undefined;
  dialog?: DialogState | undefined;
  /** A confirmation or error notice shown above everything else (components/Confirmation.tsx). */
  confirmation?: Confirmation | undefined;
  filter: string;
  settings: Settings;
  /** The message the composer's next message answers (XEP-0461). */
  replyingTo?: { account: AccountId; peer: BareJid; id: MessageId } | undefined;
  /** A reply's quote was clicked: the message list scrolls to that message (`ref` as the reply names it). */
  jumpTo?:
    | {
        account: AccountId;
        peer: BareJid;
        ref: string;
        at: number;
        byId?: boolean;
        /** The ref is the server archive's id (a server search result). */
        byStanzaId?: boolean;
        quiet?: boolean;
      }
    | undefined;
  /** Ctrl+F: the chat whose find bar is open. */
  findInChat?: { account: AccountId; peer: BareJid } | undefined;
  /** The chat list: every account's conversations (engine summaries). */
  conversations: ConversationsByChat;
}

function loadSettings(): Settings {
  try {
    return parseSettings(localStorage.getItem(SETTINGS_KEY), navigator.language);
  } catch {
    return parseSettings(null, navigator.language);
  }
}

export const useAppStore = create<AppState>()(() => ({
  loaded: false,
  accounts: [],
  addingAccount: false,
  roster: {},
  presence: {},
  chats: {},
  unread: {},
  typing: {},
  blocked: {},
  archive: {},
  rooms: {},
  occupants: {},
  invitations: [],
  bookmarks: {},
  gateways: {},
  uploads: {},
  downloads: {},
  omemo: {},
  encryption: {},
  ownDevices: {},
  filter: '',
  settings: loadSettings(),
  conversations: {},
}));

export const setState = useAppStore.setState;
export const getState = useAppStore.getState;

export function updateSettings(change: Partial<Settings>): void {
  const settings = { ...getState().settings, ...change };
  setState({ settings });
  try {
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  } catch {
    // storage full or disabled: the choice still applies for this session
  }
}

export function openDialog(dialog: DialogState | undefined): void {
  setState({ dialog });
}

export function activeAccountOf(state: AppState): Account | undefined {
  return state.accounts.find((a) => a.id === state.activeAccount) ?? state.accounts[0];
}
