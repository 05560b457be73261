import type { BareJid } from './jid.ts';
import type { AccountId } from './account.ts';

export type MessageId = string;
export type MessageDirection = 'in' | 'out';
/** queued: stored, not yet on the wire; sent: written to the stream; acked: the server confirmed it. */
export type DeliveryState = 'queued' | 'sent' | 'acked' | 'received' | 'failed';

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
}

export const MAX_BODY_CHARS = 1_100_000;
