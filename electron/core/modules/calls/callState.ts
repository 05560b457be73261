// The calls of one account: each call's public state plus what its signalling needs, and their endings.
import type { AccountId } from '../../../../shared/model/account.ts';
import type { Call, CallEndReason, CallIceServer } from '../../../../shared/model/call.ts';
import type { FullJid } from '../../../../shared/model/jid.ts';
import type { Candidate, JingleContent, JingleDescription } from './jingle.types.ts';

/** Ended calls are kept a while so late messages for them (a finish, a carbon) change nothing. */
const KEPT_ENDED = 64;

export interface LocalContent extends Pick<JingleContent, 'creator' | 'name' | 'senders'> {
  ufrag?: string;
  pwd?: string;
}

export interface CallRecord {
  call: Call;
  /** The session's initiator (XEP-0166): our JID for outgoing calls, the caller's for incoming ones. */
  initiator: FullJid;
  /** The peer's device in the session: the one that proceeded, or the one that called. */
  peerFull?: FullJid;
  /** STUN/TURN from the server (XEP-0215), asked once per call as soon as it is known to be needed. */
  iceServers?: Promise<CallIceServer[]>;
  timer?: NodeJS.Timeout;
  /** Our offer, made while the call rang: it goes out as the session-initiate when the callee proceeds. */
  preparedOffer?: JingleDescription;
  /** Our session-initiate (outgoing) or session-accept (incoming) went out, and was acknowledged. */
  sessionSent: boolean;
  sessionAcked: boolean;
  /** The peer's description came. */
  sessionReceived: boolean;
  localContents: Map<string, LocalContent>;
  remoteContents: Map<string, JingleContent>;
  /** Our candidates wait until the peer acknowledged our description (as Conversations expects). */
  pendingLocal: { candidate: Candidate; sdpMid: string }[];
  /** The peer's candidates wait until its description went to the renderer. */
  earlyRemote: { candidate: string; sdpMid: string }[];
  remoteCandidates: number;
}

export type NewCall = Omit<Call, 'account' | 'startedAt'>;

export function callState(account: AccountId, changed: (call: Call) => void) {
  const calls = new Map<string, CallRecord>();
  const prune = (): void => {
    const ended = [...calls.values()].filter((r) => r.call.phase === 'ended');
    for (const record of ended.slice(0, Math.max(0, ended.length - KEPT_ENDED))) calls.delete(record.call.sid);
  };
  return {
    calls,
    running: (): number => [...calls.values()].filter((r) => r.call.phase !== 'ended').length,
    remember(fields: NewCall, initiator: FullJid, peerFull?: FullJid): CallRecord {
      const record: CallRecord = {
        call: { account, startedAt: Date.now(), ...fields },
        initiator,
        ...(peerFull ? { peerFull } : {}),
        sessionSent: false,
        sessionAcked: false,
        sessionReceived: false,
        localContents: new Map(),
        remoteContents: new Map(),
        pendingLocal: [],
        earlyRemote: [],
        remoteCandidates: 0,
      };
      calls.set(fields.sid, record);
      if (fields.phase === 'ended') record.call.endedAt = record.call.startedAt;
      changed({ ...record.call });
      prune();
      return record;
    },
    update(record: CallRecord, patch: Partial<Call>): void {
      if (record.call.phase === 'ended') return;
      Object.assign(record.call, patch);
      changed({ ...record.call });
    },
    end(record: CallRecord, reason: CallEndReason): boolean {
      if (record.call.phase === 'ended') return false;
      clearTimeout(record.timer);
      Object.assign(record.call, { phase: 'ended', reason, endedAt: Date.now() });
      changed({ ...record.call });
      prune();
      return true;
    },
  };
}
export type CallStates = ReturnType<typeof callState>;

/** What a session-terminate's reason means for the call, from the side that received it. */
export function endReasonOf(condition: string | undefined, record: CallRecord): CallEndReason {
  if (condition === 'decline') return 'declined';
  if (condition === 'busy') return 'busy';
  if (condition === 'cancel') return record.call.phase === 'incoming' ? 'missed' : 'cancelled';
  if (condition === 'connectivity-error' || condition === 'failed-transport' || condition === 'timeout')
    return 'connectivity-error';
  if (condition === 'security-error') return 'security-error';
  if (condition === 'success' || condition === 'gone' || condition === 'expired' || condition === undefined)
    return 'remote-hangup';
  return 'failed';
}
