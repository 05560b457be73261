// The contract every protocol module follows (one XEP/RFC part each): setup registers, dispose undoes.
import type { AccountId } from '../../../shared/model/account.ts';
import type { Connection } from '../account/connection.ts';
import type { CoreEmitter } from '../events.ts';
import type { Logger } from '../log.ts';
import type { Store } from '../store/index.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { MessageEncryption } from '../../../shared/model/message.ts';
import type { Vault } from '../modules/omemo/vault.ts';
import type { IncomingRecord } from '../services/messages.ts';
import type { Element } from './stanza.ts';

export interface Lifecycle {
  /** Runs after every new session (not after a resumed one), in module order. */
  onOnline(handler: () => Promise<void> | void): () => void;
  /** Runs when a dropped stream was resumed (XEP-0198): the server kept the session, roster and presence. */
  onResumed(handler: () => Promise<void> | void): () => void;
  /** Runs when the session is gone: an intended disconnect, or a drop that could not be resumed. */
  onOffline(handler: () => void): () => void;
}

export interface DiscoRegistry {
  addFeature(ns: string): void;
  removeFeature(ns: string): void;
  /** What our presence advertises (XEP-0115) for the current feature set. */
  caps(): { node: string; ver: string };
}

/** Our own presence as the group chats repeat it to each room (show, status, caps, avatar hash). */
export interface OwnPresence {
  /** What our presence carries now, without an addressee; undefined while we show as offline. */
  current(): Element | undefined;
  /** Called after our presence was broadcast again (a new show, status or extension). */
  onBroadcast(listener: () => void): () => void;
}

/** Which end-to-end encryption a message uses. */
export type EncryptionProtocol = Exclude<MessageEncryption['protocol'], 'otr'>;

/** The protocol a stored message was sealed with; undefined for plain ones (an OTR marker is not a seal). */
export function sealedWith(encryption: MessageEncryption | undefined): EncryptionProtocol | undefined {
  return encryption && encryption.protocol !== 'otr' ? encryption.protocol : undefined;
}

/**
 * End-to-end encryption as the message modules use it: OMEMO, or OpenPGP (XEP-0374) in one-to-one chats.
 * `protocol` defaults to OMEMO (rooms are OMEMO only).
 */
export interface EndToEnd {
  /** The encryption new messages to this chat use (the user's choice, else the default); undefined: none. */
  protocolFor(peer: BareJid): Promise<EncryptionProtocol | undefined>;
  /** Whether new messages to this chat go encrypted. */
  enabledFor(peer: BareJid): Promise<boolean>;
  /** Throws, in words, when a message to these JIDs cannot be encrypted now; says which devices would be left out. */
  prepare(recipients: readonly BareJid[], protocol?: EncryptionProtocol): Promise<MessageEncryption>;
  /** The encryption record of something this device sends: our JID and device or key. */
  origin(protocol?: EncryptionProtocol): MessageEncryption;
  /**
   * What replaces the plain body in an outgoing stanza, encrypted for the recipients' trusted devices or keys.
   * `inner`: the stanza's other extensions, carried inside too where the protocol does (OpenPGP's payload);
   * they stay outside as well, for receivers that read them there.
   */
  seal(
    recipients: readonly BareJid[],
    body: string,
    protocol?: EncryptionProtocol,
    inner?: readonly Element[],
    /** The chat when it is not the one recipient (a room): OMEMO 2's envelope names it. */
    chat?: BareJid,
  ): Promise<Element[]>;
  /** Whether a stanza carries content this layer decrypts. */
  carries(message: Element): boolean;
  /**
   * Decrypts a copy (live, carbon, archive) once and stores the result with `ingest`; a copy already
   * stored is not decrypted again. `sender`: whose device encrypted it (a real JID in rooms).
   */
  receive(
    message: Element,
    sender: BareJid,
    record: IncomingRecord,
    ingest: (record: IncomingRecord) => boolean,
  ): Promise<boolean>;
  /** Runs `task` after every copy being decrypted now: what refers to a message (a marker) is handled after it. */
  afterPending(task: () => void): void;
  /** The archive catch-up is over: used pre-keys can go. */
  historySynced(): void;
}

export interface ModuleContext {
  readonly account: AccountId;
  readonly xmpp: Connection;
  readonly lifecycle: Lifecycle;
  readonly disco: DiscoRegistry;
  readonly emit: CoreEmitter['emit'];
  readonly store: Store;
  readonly log: Logger;
  readonly limits?: { readonly archivePages?: number; readonly firstSyncDays?: number; readonly callRingMs?: number };
  /** The key private keys are sealed with at rest (platform-held). */
  readonly keyVault: () => Promise<Vault>;
  /** Set for the modules after OMEMO (message paths); absent in OMEMO itself. */
  readonly e2e?: EndToEnd;
  /** Set for the modules after presence. */
  readonly ownPresence?: OwnPresence;
}

export interface XmppModule<Api> {
  readonly id: string;
  setup(ctx: ModuleContext): Api & { dispose(): void };
}
