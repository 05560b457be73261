// The one IPC contract between the engine and any UI (Electron IPC or the WebSocket bridge).
import type { Account, AccountId, AccountSettings, RegistrationForm, ServerAddress } from '../model/account.ts';
import type { ConnectionState } from '../model/connection.ts';
import type { BareJid } from '../model/jid.ts';
import type { ChatMessage, ChatState, DeliveryState, MessageId } from '../model/message.ts';
import type { ContactPresence, LastActivity, PresenceShow } from '../model/presence.ts';
import type { RosterItem } from '../model/roster.ts';
import type { DataForm, DataFormValues } from '../model/dataForm.ts';
import type { DownloadedFile, FileId, RemoteFileInfo, UploadId, UploadService } from '../model/file.ts';
import type { DeviceTrust, OmemoChatState, OmemoDevice, OwnOmemoDevice } from '../model/omemo.ts';
import type {
  Affiliation,
  Bookmark,
  Occupant,
  Role,
  Room,
  RoomInfo,
  RoomInvitation,
  RoomPreset,
} from '../model/muc.ts';
import type { SecretsStatus } from '../model/secrets.ts';
import type { ConsoleEntry } from '../model/console.ts';
import type { Conversation } from '../model/conversation.ts';
import type { SearchQuery, ServerSearchResult } from '../model/search.ts';
import type { AdhocAction, AdhocCommand, AdhocStage, DiscoInfo, DiscoItem } from '../model/disco.ts';
import type { Gateway, GatewayPrompt, GatewayRegistration } from '../model/gateway.ts';
import type { OpenPgpCommands } from './openpgpContract.ts';
import type { CallCommands, CallEvents } from './callContract.ts';
import type { AvatarImage, AvatarRef } from '../model/avatar.ts';
import type { Profile } from '../model/profile.ts';
import type { EntityTime, PrivacySettings, SoftwareVersion } from '../model/entity.ts';

export interface CoreCommands
  extends OmemoCommands, OpenPgpCommands, ConsoleCommands, ConversationCommands, CallCommands {
  'account.list'(req: Record<string, never>): Promise<Account[]>;
  /** How passwords are protected at rest on this computer (the UI explains a weak or missing keychain). */
  'secrets.status'(req: Record<string, never>): Promise<SecretsStatus>;
  'secrets.setRememberPasswords'(req: { remember: boolean }): Promise<SecretsStatus>;
  'account.add'(req: AccountSettings): Promise<Account>;
  'account.update'(req: {
    account: AccountId;
    password?: string;
    resource?: string;
    priority?: number;
    host?: string;
    port?: number;
    tls?: AccountSettings['tls'];
  }): Promise<Account>;
  'account.remove'(req: { account: AccountId }): Promise<void>;
  'account.connect'(req: { account: AccountId }): Promise<void>;
  'account.disconnect'(req: { account: AccountId }): Promise<void>;
  'account.trustCertificate'(req: { account: AccountId; fingerprint: string }): Promise<void>;
  /** A new password on the server (XEP-0077), then remembered here. */
  'account.changePassword'(req: { account: AccountId; password: string }): Promise<void>;
  /** Deletes the account on its server, then everything of it here; `confirm` is the address, typed. */
  'account.deleteOnServer'(req: { account: AccountId; confirm: string }): Promise<void>;
  'account.setEnabled'(req: { account: AccountId; enabled: boolean }): Promise<void>;
  'account.setColor'(req: { account: AccountId; color: string }): Promise<void>;
  /** The accounts in the order the user wants them. */
  'account.reorder'(req: { accounts: AccountId[] }): Promise<void>;
  'account.registrationForm'(req: ServerAddress): Promise<RegistrationForm>;
  'account.register'(
    req: ServerAddress & { username: string; password: string; fields: Record<string, string> },
  ): Promise<BareJid>;
  'roster.list'(req: { account: AccountId }): Promise<RosterItem[]>;
  'roster.set'(req: { account: AccountId; jid: BareJid; name?: string; groups?: string[] }): Promise<void>;
  'roster.remove'(req: { account: AccountId; jid: BareJid }): Promise<void>;
  'presence.subscribe'(req: { account: AccountId; jid: BareJid }): Promise<void>;
  'presence.approve'(req: { account: AccountId; jid: BareJid }): Promise<void>;
  'presence.deny'(req: { account: AccountId; jid: BareJid }): Promise<void>;
  'presence.set'(req: { account: AccountId; show: PresenceShow; status?: string; priority?: number }): Promise<void>;
  /** Automatic away/extended away while idle (XEP-0319), keeping the chosen presence; no `show`: back. */
  'presence.setIdle'(req: { account: AccountId; show?: 'away' | 'xa'; since?: number }): Promise<void>;
  'presence.list'(req: { account: AccountId }): Promise<ContactPresence[]>;
  /** XEP-0012: asks a contact (a full JID: idle time; a bare JID: since their last logout). */
  'presence.lastActivity'(req: { account: AccountId; jid: string }): Promise<LastActivity>;
  /** `replyTo`: a message of this chat the new one answers (XEP-0461, with a fallback quote). */
  'chat.send'(req: { account: AccountId; to: BareJid; body: string; replyTo?: MessageId }): Promise<ChatMessage>;
  /** How many stored messages an export of this chat (or account, or everything) holds. */
  'export.count'(req: { account?: AccountId; peer?: BareJid }): Promise<number>;
  /** A page of those, oldest first (by account and chat), for writing an export. */
  'export.page'(req: { account?: AccountId; peer?: BareJid; offset: number; limit: number }): Promise<ChatMessage[]>;
  /** Full-text search over stored messages of every account (or the filters given), newest first. */
  'search.messages'(req: SearchQuery): Promise<ChatMessage[]>;
  /** Full-text search in the server's archive (XEP-0431), for history this device does not hold. */
  'search.server'(req: {
    account: AccountId;
    text: string;
    peer?: BareJid;
    before?: string;
  }): Promise<ServerSearchResult>;
  /** Our whole set of reactions to a message (XEP-0444); an empty list takes them back. */
  'message.react'(req: { account: AccountId; id: MessageId; emojis: string[] }): Promise<ChatMessage>;
  /** The newest `limit` messages older than `before` (and, at the same timestamp, with an id below `beforeId`), oldest first. */
  /** Corrects the last message we sent in that chat (XEP-0308). */
  'chat.correct'(req: { account: AccountId; id: MessageId; body: string }): Promise<ChatMessage>;
  /** Retracts a message we sent (XEP-0424). */
  'chat.retract'(req: { account: AccountId; id: MessageId }): Promise<ChatMessage>;
  /** The user has seen the chat up to this incoming message: tell the peer (XEP-0333) and our other devices. */
  'chat.markDisplayed'(req: { account: AccountId; peer: BareJid; id: MessageId }): Promise<void>;
  /** Typing notifications (XEP-0085). */
  'chat.setChatState'(req: { account: AccountId; peer: BareJid; state: ChatState }): Promise<void>;
  'blocklist.list'(req: { account: AccountId }): Promise<BareJid[]>;
  'blocklist.block'(req: { account: AccountId; jid: BareJid }): Promise<void>;
  'blocklist.unblock'(req: { account: AccountId; jid: BareJid }): Promise<void>;
  /** Client state indication (XEP-0352) for every account: false while the window is hidden. */
  'client.setActive'(req: { active: boolean }): Promise<void>;
  /** The network came back or the computer woke: every account checks its connection now. */
  'client.wake'(req: Record<string, never>): Promise<void>;
  /** Runs the archive catch-up again (the user clicked a gap marker). */
  'archive.catchUp'(req: { account: AccountId }): Promise<void>;
  'archive.state'(req: { account: AccountId }): Promise<ArchiveState>;
  /** Joins (or creates, as an instant room) a group chat; rejects with the room's error (a taken nick suggests another). */
  'muc.join'(req: {
    account: AccountId;
    room: BareJid;
    nick: string;
    password?: string;
    configure?: boolean;
  }): Promise<Room>;
  /** Creates a new room from a preset and configures it; rejects when the room exists already. */
  'muc.create'(req: {
    account: AccountId;
    room: BareJid;
    nick: string;
    name: string;
    preset: RoomPreset;
  }): Promise<Room>;
  'muc.leave'(req: { account: AccountId; room: BareJid }): Promise<void>;
  'muc.rooms'(req: { account: AccountId }): Promise<Room[]>;
  'muc.occupants'(req: { account: AccountId; room: BareJid }): Promise<Occupant[]>;
  'muc.send'(req: { account: AccountId; room: BareJid; body: string; replyTo?: MessageId }): Promise<ChatMessage>;
  'muc.setSubject'(req: { account: AccountId; room: BareJid; subject: string }): Promise<void>;
  'muc.setNick'(req: { account: AccountId; room: BareJid; nick: string }): Promise<void>;
  'muc.markRead'(req: { account: AccountId; room: BareJid }): Promise<void>;
  /** A private message to an occupant; its conversation's peer is "room/nick" (chat.history with that peer). */
  'muc.sendPrivate'(req: { account: AccountId; room: BareJid; nick: string; body: string }): Promise<ChatMessage>;
  /** Kick (role none), voice (participant/visitor), moderator: by nick. */
  'muc.setRole'(req: { account: AccountId; room: BareJid; nick: string; role: Role; reason?: string }): Promise<void>;
  /** Ban (outcast), member, admin, owner, none: by real JID. */
  'muc.setAffiliation'(req: {
    account: AccountId;
    room: BareJid;
    jid: BareJid;
    affiliation: Affiliation;
    reason?: string;
  }): Promise<void>;
  'muc.affiliations'(req: {
    account: AccountId;
    room: BareJid;
    affiliation: Affiliation;
  }): Promise<{ jid: BareJid; affiliation: Affiliation; nick?: string | undefined }[]>;
  'muc.getConfig'(req: { account: AccountId; room: BareJid }): Promise<DataForm>;
  'muc.submitConfig'(req: { account: AccountId; room: BareJid; values: DataFormValues }): Promise<void>;
  /** A moderator retracts someone's message in the room (XEP-0425), by its id in the room's archive. */
  'muc.moderate'(req: { account: AccountId; room: BareJid; stanzaId: string; reason?: string }): Promise<void>;
  'muc.destroy'(req: { account: AccountId; room: BareJid; reason?: string }): Promise<void>;
  /** Rooms on a conference service (ours when none is given), biggest first. */
  'muc.discover'(req: {
    account: AccountId;
    service?: BareJid;
  }): Promise<{ service: BareJid | undefined; rooms: RoomInfo[] }>;
  /** Service discovery (XEP-0030) of any address: identities, features and extended forms. */
  'disco.info'(req: { account: AccountId; jid: string; node?: string }): Promise<DiscoInfo>;
  'disco.items'(req: { account: AccountId; jid: string; node?: string }): Promise<DiscoItem[]>;
  /** The ad-hoc commands (XEP-0050) an address offers to us. */
  'adhoc.list'(req: { account: AccountId; jid: string }): Promise<AdhocCommand[]>;
  /** Starts a command (no session) or moves its session on; values fill the form of the stage before. */
  'adhoc.execute'(req: {
    account: AccountId;
    jid: string;
    node: string;
    sessionId?: string;
    action?: AdhocAction;
    values?: DataFormValues;
  }): Promise<AdhocStage>;
  /** Every avatar the account shows (contacts, rooms, our own), by hash. */
  'avatar.list'(req: { account: AccountId }): Promise<AvatarRef[]>;
  /** A picture from the avatar cache; null when it is not there. */
  'avatar.get'(req: { hash: string }): Promise<AvatarImage | null>;
  /**
   * A room occupant's own picture (the hash its presence announced, XEP-0153), fetched through the room on
   * the first ask, one at a time; null when it has none or it could not be had.
   */
  'avatar.occupant'(req: { account: AccountId; room: BareJid; nick: string }): Promise<AvatarImage | null>;
  /** A room owner sets the room's picture (its vCard, XEP-0486); without an image it is removed. */
  'avatar.setRoom'(req: { account: AccountId; room: BareJid; image?: AvatarImage }): Promise<void>;
  /** Publishes our avatar (XEP-0084, and XEP-0153 for older clients); without an image it is removed. */
  'avatar.setOwn'(req: { account: AccountId; image?: AvatarImage }): Promise<void>;
  /** What a contact's resource runs (XEP-0092). */
  'entity.version'(req: { account: AccountId; jid: string }): Promise<SoftwareVersion>;
  /** A contact's resource's clock (XEP-0202). */
  'entity.time'(req: { account: AccountId; jid: string }): Promise<EntityTime>;
  /** What a contact's resource can do, when its capabilities (XEP-0115) are known and verified. */
  'entity.caps'(req: { account: AccountId; jid: string }): Promise<DiscoInfo | null>;
  /** Which questions about us are answered and advertised (app-wide). */
  'privacy.get'(req: Record<string, never>): Promise<PrivacySettings>;
  'privacy.set'(req: PrivacySettings): Promise<PrivacySettings>;
  /** Our profile as published (XEP-0292 vCard4, else our vCard-temp). */
  'profile.own'(req: { account: AccountId }): Promise<Profile>;
  /** Publishes our profile, and its nickname (XEP-0172) for contacts and subscription requests. */
  'profile.setOwn'(req: { account: AccountId; profile: Profile }): Promise<void>;
  /** A contact's profile: their vCard4, else their vCard-temp. */
  'profile.get'(req: { account: AccountId; jid: BareJid }): Promise<Profile>;
  /** A gateway's registration form (XEP-0100, jabber:iq:register), saying whether we are registered. */
  'gateway.form'(req: { account: AccountId; jid: BareJid }): Promise<GatewayRegistration>;
  /** Fills in the form fetched last; the gateway's contacts are accepted from then on. */
  'gateway.register'(req: { account: AccountId; jid: BareJid; fields: Record<string, string> }): Promise<void>;
  /** Leaves the gateway and removes it and its contacts from the roster. */
  'gateway.unregister'(req: { account: AccountId; jid: BareJid }): Promise<void>;
  /** The gateways this account registered with. */
  /** The gateways the account registered with (they are shown apart from the contacts). */
  'gateway.list'(req: { account: AccountId }): Promise<Gateway[]>;
  'gateway.prompt'(req: { account: AccountId; jid: BareJid }): Promise<GatewayPrompt>;
  /** Turns a legacy address (an IRC nick, a phone number) into the gateway's JID for it. */
  'gateway.translate'(req: { account: AccountId; jid: BareJid; address: string }): Promise<BareJid>;
  'bookmarks.list'(req: { account: AccountId }): Promise<Bookmark[]>;
  'bookmarks.set'(req: { account: AccountId; bookmark: Bookmark }): Promise<void>;
  'bookmarks.remove'(req: { account: AccountId; room: BareJid }): Promise<void>;
  'muc.invite'(req: {
    account: AccountId;
    room: BareJid;
    jid: BareJid;
    reason?: string;
    mediated?: boolean;
  }): Promise<void>;
  'chat.history'(req: {
    account: AccountId;
    peer: BareJid;
    before?: number;
    beforeId?: MessageId;
    limit?: number;
  }): Promise<ChatMessage[]>;
  /** The server's upload service and its size limit (XEP-0363). */
  'upload.service'(req: { account: AccountId }): Promise<UploadService>;
  /**
   * Asks for a slot and opens the upload; a file over the server's limit is refused before that.
   * `to`: a contact, a joined room, or room/nick. Returns the id for chunk/finish/cancel and the name used.
   */
  'upload.begin'(req: {
    account: AccountId;
    to: BareJid;
    name: string;
    size: number;
    type: string;
  }): Promise<{ upload: UploadId; name: string }>;
  /** The next bytes, in order; resolves when the engine can take more. */
  'upload.chunk'(req: { upload: UploadId; data: Uint8Array }): Promise<{ sent: number }>;
  /** Every byte sent: once the server stored the file, its URL is shared in the chat (body + XEP-0066). */
  'upload.finish'(req: { upload: UploadId }): Promise<ChatMessage>;
  'upload.cancel'(req: { upload: UploadId }): Promise<void>;
  /** A HEAD request: size and type as the file server states them (hints only). */
  'files.probe'(req: { account: AccountId; url: string }): Promise<RemoteFileInfo>;
  /** Downloads into the engine's cache, refusing to grow past maxBytes; progress as files.progress. */
  'files.download'(req: { account: AccountId; url: string; maxBytes: number }): Promise<DownloadedFile>;
  /** Bytes of a downloaded file (at most 4 MiB a call). */
  'files.read'(req: { id: FileId; offset: number; length: number }): Promise<Uint8Array>;
  /** Opens a downloaded file with the system's default app (desktop only; never programs or web pages). */
  'files.open'(req: { id: FileId }): Promise<void>;
  /** Shows a downloaded file in the system's file manager (desktop only). */
  'files.reveal'(req: { id: FileId }): Promise<void>;
}

/** Archive catch-up (XEP-0313): 'incomplete' means messages may be missing until it is run again. */
export interface ArchiveState {
  status: 'idle' | 'syncing' | 'complete' | 'incomplete';
  error?: string;
}

/** The chat list: conversations of every account, and what the user sets on them. */
export interface ConversationCommands {
  /** Every conversation of every account (the UI sorts: pinned first, then by activity). */
  'chat.conversations'(req: Record<string, never>): Promise<Conversation[]>;
  /** The user has seen the whole conversation (no marker goes out: chat.markDisplayed does that). */
  'chat.markRead'(req: { account: AccountId; peer: BareJid }): Promise<void>;
  /** Mark unread (a dot until opened), or read. */
  'chat.setUnread'(req: { account: AccountId; peer: BareJid; unread: boolean }): Promise<void>;
  'chat.setPinned'(req: { account: AccountId; peer: BareJid; pinned: boolean }): Promise<void>;
  /** Hidden from the list until a newer message arrives. */
  'chat.close'(req: { account: AccountId; peer: BareJid }): Promise<void>;
  /** Opened or started by the user: listed, even before any message. */
  'chat.touch'(req: { account: AccountId; peer: BareJid }): Promise<void>;
  'chat.setDraft'(req: { account: AccountId; peer: BareJid; text: string }): Promise<void>;
}

/** The XML console (per account, secrets redacted). */
export interface ConsoleCommands {
  /** What was kept of the stream so far, oldest first; new entries then arrive as console.entry events. */
  'console.open'(req: { account: AccountId }): Promise<ConsoleEntry[]>;
  'console.close'(req: { account: AccountId }): Promise<void>;
  /** Sends one raw element the user typed (well-formed XML, a single root) on the account's stream. */
  'console.send'(req: { account: AccountId; xml: string }): Promise<void>;
}

export interface OmemoCommands {
  /** This device's OMEMO id and fingerprint (made on first connect); undefined before that. */
  'omemo.ownDevice'(req: { account: AccountId }): Promise<OwnOmemoDevice | undefined>;
  /** A chat's (or a room's) encryption state; `refresh` fetches device lists and keys first. */
  'omemo.chatState'(req: { account: AccountId; peer: BareJid; refresh?: boolean }): Promise<OmemoChatState>;
  'omemo.setEnabled'(req: { account: AccountId; peer: BareJid; enabled: boolean }): Promise<OmemoChatState>;
  /** Verify or distrust a device (or undo it: blind). */
  'omemo.setTrust'(req: { account: AccountId; jid: BareJid; device: number; trust: DeviceTrust }): Promise<OmemoDevice>;
  /** Verifies the devices whose fingerprints a scanned xmpp: URI vouches for; returns how many matched. */
  'omemo.verifyUri'(req: { account: AccountId; uri: string }): Promise<{ verified: number }>;
  /** Takes one of our other devices (a lost or old one) out of both our device lists: nothing is encrypted for it any more. */
  'omemo.removeDevice'(req: { account: AccountId; device: number }): Promise<void>;
}

export interface CoreEvents extends CallEvents {
  'account.listChanged': { accounts: Account[] };
  /** An xmpp: link from the system (a second start, the OS handler) for the app to open. */
  'app.openUri': { uri: string };
  'connection.stateChanged': { account: AccountId; state: ConnectionState };
  'roster.changed': { account: AccountId; items: RosterItem[] };
  'roster.subscriptionRequested': { account: AccountId; from: BareJid; status: string; nick?: string };
  'presence.changed': { account: AccountId; presence: ContactPresence };
  /**
   * What these contacts' devices can do became known: a capabilities hash their presence named was asked for
   * and verified after the presence itself had been passed on (what depends on it, such as call buttons, asks again).
   */
  'caps.learnt': { account: AccountId; jids: BareJid[] };
  /** The avatar an address shows changed (no hash: it has none any more). */
  'avatar.changed': { account: AccountId; jid: BareJid; hash?: string };
  'message.added': ChatMessage;
  'message.updated': { account: AccountId; id: MessageId; state: DeliveryState };
  /** A message's text changed: corrected or retracted by its sender. */
  'message.changed': ChatMessage;
  /** In a room, `nick` says who. */
  'chat.stateChanged': { account: AccountId; peer: BareJid; state: ChatState; nick?: string };
  /** Another device of ours showed this chat up to here: its unread count goes. */
  'chat.read': { account: AccountId; peer: BareJid };
  'blocklist.changed': { account: AccountId; jids: BareJid[] };
  'muc.roomChanged': { account: AccountId; room: Room };
  'muc.roomRemoved': { account: AccountId; room: BareJid };
  /**
   * Occupants who came or changed (`present`, their latest state) and nicks that left (`gone`), one batch per
   * room: once per turn of the engine's loop; while the room is being joined every 250 ms, and the rest at
   * once when the join completes (before the room's own change), so big rooms stay cheap.
   */
  'muc.occupantsChanged': { account: AccountId; room: BareJid; present: Occupant[]; gone: string[] };
  'muc.invited': { account: AccountId; invitation: RoomInvitation };
  'bookmarks.changed': { account: AccountId; bookmarks: Bookmark[] };
  'archive.status': { account: AccountId } & ArchiveState;
  'files.progress': { account: AccountId; url: string; received: number; total?: number };
  /** Devices, trust or the switch of a chat changed: its state is worth fetching again. */
  'omemo.changed': { account: AccountId; peer: BareJid };
  /** Someone's OpenPGP keys (or their trust) changed; `jid` is ours when our own key changed. */
  'openpgp.changed': { account: AccountId; jid: BareJid };
  /** A conversation's summary changed (a message, read state, pin, close, draft). */
  'chat.conversation': { conversation: Conversation };
  /** A stanza went over an account's stream while its XML console is open. */
  'console.entry': { account: AccountId; entry: ConsoleEntry };
}

export type CommandName = keyof CoreCommands;
export type EventName = keyof CoreEvents;
export type CommandArg<K extends CommandName> = Parameters<CoreCommands[K]>[0];
export type CommandResult<K extends CommandName> = Awaited<ReturnType<CoreCommands[K]>>;
