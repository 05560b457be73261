// Audio and video calls (Jingle RTP, XEP-0353 ringing) as the UI sees them: the engine signals, the renderer
// carries the media; SDP and candidates cross between them, never XML.
import type { AccountId } from './account.ts';
import type { BareJid } from './jid.ts';

export const CALL_MEDIA = ['audio', 'video'] as const;
export type CallMedia = (typeof CALL_MEDIA)[number];

/**
 * outgoing: proposing (sent, no device answered yet) → ringing (a device rings) → connecting → active;
 * incoming: incoming (ringing here) → connecting → active; both end in ended.
 */
export type CallPhase = 'proposing' | 'ringing' | 'incoming' | 'connecting' | 'active' | 'ended';

export const CALL_END_REASONS = [
  'hangup',
  'remote-hangup',
  'declined',
  'busy',
  'cancelled',
  'missed',
  'no-answer',
  'answered-elsewhere',
  /** The other side went on with this call on another device of ours (XEP-0353 §5.2). */
  'moved',
  'declined-elsewhere',
  'connectivity-error',
  'failed',
  'security-error',
  /** Both called each other at once: this call gave way to the other one (XEP-0353 tie-break). */
  'replaced',
] as const;
export type CallEndReason = (typeof CALL_END_REASONS)[number];

export interface Call {
  account: AccountId;
  /** The Jingle session id (also the XEP-0353 id). */
  sid: string;
  peer: BareJid;
  /** The peer's device in the call, once one answered or called. */
  peerResource?: string;
  direction: 'outgoing' | 'incoming';
  media: CallMedia[];
  phase: CallPhase;
  startedAt: number;
  connectedAt?: number;
  endedAt?: number;
  reason?: CallEndReason;
  /** An incoming call from someone not in the roster: it does not ring, it is shown as missed. */
  stranger?: boolean;
  /** The other side says it muted its microphone, or put the call on hold (XEP-0167 session-info). */
  remoteMuted?: boolean;
  remoteHeld?: boolean;
}

export const CALL_INFOS = ['mute', 'unmute', 'hold', 'unhold'] as const;
export type CallInfo = (typeof CALL_INFOS)[number];

/** A call as the chat's history keeps it: one entry per call, when it ended. */
export interface CallSummary {
  sid: string;
  media: CallMedia[];
  reason: CallEndReason;
  /** How long media flowed, for calls that connected. */
  durationMs?: number;
  /** It came from someone not in the roster (and did not ring). */
  stranger?: boolean;
}

/** A STUN or TURN server for the call's RTCPeerConnection (from XEP-0215, fetched per call). */
export interface CallIceServer {
  urls: string;
  username?: string;
  credential?: string;
}

export type SdpType = 'offer' | 'answer';
export const CALL_CONNECTION_STATES = ['connected', 'disconnected', 'failed'] as const;
export type CallConnectionState = (typeof CALL_CONNECTION_STATES)[number];

/** How long an outgoing call rings before it gives up, and an incoming one before it is missed. */
export const CALL_RING_MS = 45_000;
/** Larger SDP is refused: a real offer with every codec is ~8 KB. */
export const MAX_SDP_CHARS = 64 * 1024;
