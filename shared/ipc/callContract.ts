// The commands and events of calls: the renderer holds the RTCPeerConnection, the engine the signalling.
import type { AccountId } from '../model/account.ts';
import type { Call, CallConnectionState, CallIceServer, CallInfo, CallMedia, SdpType } from '../model/call.ts';
import type { BareJid } from '../model/jid.ts';

export interface CallCommands {
  /** Whether a device of the contact can take an audio or a video call (Jingle RTP with DTLS, in its caps). */
  'call.capabilities'(req: { account: AccountId; peer: BareJid }): Promise<{ audio: boolean; video: boolean }>;
  /** Rings every device of the contact (XEP-0353 propose). */
  'call.start'(req: { account: AccountId; peer: BareJid; video: boolean }): Promise<Call>;
  'call.accept'(req: { account: AccountId; sid: string }): Promise<void>;
  'call.reject'(req: { account: AccountId; sid: string }): Promise<void>;
  /** Cancels a call that rings, or ends one that runs. */
  'call.hangup'(req: { account: AccountId; sid: string }): Promise<void>;
  /**
   * Our RTCPeerConnection's offer (outgoing) or answer (incoming). An offer made while the call rings is kept
   * and goes out the moment the callee answers.
   */
  'call.description'(req: { account: AccountId; sid: string; type: SdpType; sdp: string }): Promise<void>;
  /** A candidate our RTCPeerConnection gathered (`candidate` as RTCIceCandidate.candidate gives it). */
  'call.candidate'(req: { account: AccountId; sid: string; candidate: string; sdpMid: string }): Promise<void>;
  'call.connection'(req: { account: AccountId; sid: string; state: CallConnectionState }): Promise<void>;
  /** Tells the other side we muted or unmuted our microphone (XEP-0167 session-info). */
  'call.info'(req: { account: AccountId; sid: string; info: CallInfo }): Promise<void>;
  /** The calls not ended yet, for a window that opens while one runs. */
  'call.list'(req: Record<string, never>): Promise<Call[]>;
}

export interface CallEvents {
  'call.changed': { call: Call };
  /**
   * The connection can be made now, with these servers: our call rings at the other side (make the offer too;
   * it is sent once the call is answered), or we answered theirs (their offer follows).
   */
  'call.preparing': {
    account: AccountId;
    sid: string;
    media: CallMedia[];
    iceServers: CallIceServer[];
    /** Ours: we make the offer. Theirs: we answer the offer that follows. */
    offer: boolean;
  };
  /** The callee's device answered before our offer was handed over: make it and hand it to `call.description`. */
  'call.offerNeeded': { account: AccountId; sid: string; media: CallMedia[]; iceServers: CallIceServer[] };
  /** The peer's offer (incoming, once accepted) or answer (outgoing). */
  'call.remoteDescription': {
    account: AccountId;
    sid: string;
    type: SdpType;
    sdp: string;
    media: CallMedia[];
    iceServers: CallIceServer[];
  };
  'call.remoteCandidate': { account: AccountId; sid: string; candidate: string; sdpMid: string };
}
