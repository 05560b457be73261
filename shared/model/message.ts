import type { CallSummary } from './call.ts';
import type { BareJid } from './jid.ts';
import type { AccountId } from './account.ts';
import type { DeviceTrust } from './omemo.ts';

export type MessageId = string;
export type MessageDirection = 'in' | 'out';
/**
 * Outgoing: queued (stored, not on the wire) → sent (written) → acked (the server has it, XEP-0198)
 * → delivered (a receipt, XEP-0184) → read (a displayed marker, XEP-0333); or failed.
 * Incoming messages are 'received'.
 */
export type DeliveryState = 'queued' | 'sent' | 'acked' | 'delivered' | 'read' | 'received' | 'failed';
/** How far along an outgoing message is; a state only ever moves forward. */
export const DELIVERY_ORDER: Readonly<Record<DeliveryState, number>> = {
  failed: -1,
  queued: 0,
  sent: 1,
  acked: 2,
  delivered: 3,
  read: 4,
  received: 4,
};

/** XEP-0085 chat states. */
export type ChatState = 'active' | 'composing' | 'paused' | 'inactive' | 'gone';
export const CHAT_STATES: readonly ChatState[] = ['active', 'composing', 'paused', 'inactive', 'gone'];

export interface ChatMessage {
  id: MessageId;
  account: AccountId;
  peer: BareJid;
  direction: MessageDirection;
  /** The full JID it came from (incoming) or the resource it was sent from (outgoing). */
  from: string;
  body: string;
  timestamp: number;
  state: DeliveryState;
  originId?: string;
  stanzaId?: string;
  /** Corrected by its sender (XEP-0308); body is the latest version. */
  edited?: boolean;
  /** Retracted by its sender (XEP-0424); body is empty. */
  retracted?: boolean;
  /** A group chat message (XEP-0045): peer is the room, `from` the sender's nick. */
  groupchat?: boolean;
  /** XEP-0421: who sent it, as the room vouches (survives nick changes). */
  occupantId?: string;
  /** It mentions our nick in the room. */
  mention?: boolean;
  /** The URL the sender shares as a file (XEP-0066); the body is that URL too. */
  oobUrl?: string;
  /** End-to-end encrypted (OMEMO): by which device, or why it could not be decrypted. */
  encryption?: MessageEncryption;
  /** Room messages: the sender's real JID where the room revealed it (what corrections are matched on). */
  senderJid?: BareJid;
  /** A correction sent in clear for an encrypted message: not applied, shown as a message of its own. */
  refusedCorrection?: boolean;
  /** XEP-0461: the message this one answers, by the id the protocol uses, and the quote it carried (XEP-0428). */
  replyTo?: ReplyTo;
  /** XEP-0444: who reacted with what (one entry per person). */
  reactions?: MessageReaction[];
  /** An audio or video call, as an entry of the chat's history (the body is empty). */
  call?: CallSummary;
}

export interface ReplyTo {
  /** The replied-to message's id: its stanza-id in rooms, else its message id. */
  id: string;
  /** Its author's JID as the reply names it. */
  to?: string;
  /** The quote the sender put in front of the text for clients without replies (shown when the original is not here). */
  quote?: string;
}

export interface MessageReaction {
  /** Who: an occupant-id or nick in rooms, a bare JID in chats ('' for ourselves). */
  sender: string;
  /** How to call them (a nick, a name). */
  name: string;
  own: boolean;
  emojis: string[];
}

export const MAX_REACTIONS_PER_MESSAGE = 20;

export const ENCRYPTION_CODES = [
  'not-for-us',
  'unsigned',
  'unknown-key',
  'bad-signature',
  'wrong-recipient',
  'stale',
  'no-content',
  'otr-data',
  'otr-query',
  'otr-tagged',
  'otr-error',
] as const;
export type EncryptionCode = (typeof ENCRYPTION_CODES)[number];

export interface MessageEncryption {
  /**
   * OMEMO (XEP-0384), OpenPGP for XMPP (XEP-0374), legacy OpenPGP (XEP-0027, not signed), or 'otr': the
   * sender's client speaks OTR, which this app does not (the text is what was readable, if anything).
   */
  protocol: 'omemo' | 'openpgp' | 'openpgp-legacy' | 'otr';
  /** Why it could not be read (or the OTR kind), for the UI to word; `error` holds the engine's words. */
  code?: EncryptionCode;
  /** OMEMO: the sending device (incoming). */
  device?: number;
  /** OMEMO: which version carried it (outgoing: 'both' when devices of each version were addressed). */
  version?: 'legacy' | 'v2' | 'both';
  /** OpenPGP: the fingerprint of the key that signed it (upper case), or ours for outgoing. */
  fingerprint?: string;
  /** What the sending device's or key's trust was when the message arrived. */
  trust?: DeviceTrust;
  /** Set when it could not be decrypted: why, in words. The body is then empty. */
  error?: string;
  /** Outgoing: devices left out because they are not trusted. */
  skipped?: { jid: BareJid; device: number }[];
  /** Whose device encrypted it (ours for outgoing): a correction must come from the same JID and device. */
  jid?: BareJid;
  /** A retraction arrived outside the encryption: the text is hidden, not deleted (see the message's details). */
  retractedInClear?: boolean;
}

export const MAX_BODY_CHARS = 1_100_000;
