// Calls: XEP-0353 ringing on every device and Jingle RTP sessions (XEP-0166/0167/0176/0320/0338), signalling
// only. The renderer's RTCPeerConnection makes and takes the SDP; this module carries it as Jingle.
import { randomUUID } from 'node:crypto';
import type {
  Call,
  CallConnectionState,
  CallEndReason,
  CallIceServer,
  CallInfo,
  CallMedia,
  SdpType,
} from '../../../../shared/model/call.ts';
import { CALL_RING_MS } from '../../../../shared/model/call.ts';
import { type BareJid, bareOf, type FullJid } from '../../../../shared/model/jid.ts';
import type { ModuleContext } from '../../xmpp/module.ts';
import { UserError } from '../../userError.ts';
import { createMessageService } from '../../services/messages.ts';
import { attr, el, type Element } from '../../xmpp/stanza.ts';
import { parseCandidateLine } from './candidate.ts';
import { type CallRecord, callState } from './callState.ts';
import type { Candidate, JingleDescription } from './jingle.types.ts';
import { fetchIceServers } from './extdisco.ts';
import { descriptionElements } from './jingle.build.ts';
import { CALL_FEATURES, NS_GROUPING, NS_JINGLE, NS_JMI, NS_RTP_AUDIO, NS_RTP_INFO, NS_RTP_VIDEO } from './jingle.ns.ts';
import { jingleHandler } from './jingleHandler.ts';
import { jingle, reasonElement, transportInfo } from './jingleIq.ts';
import { isDelayed, jmiMessage, type JmiMessage, parseJmi, PROPOSE_ID } from './jmi.ts';
import { sdpToJingle } from './sdp.parse.ts';

const NS_CARBONS = 'urn:xmpp:carbons:2';
const NS_FORWARD = 'urn:xmpp:forward:0';
const NS_RECEIPTS = 'urn:xmpp:receipts';
const MAX_CALLS = 8;
/** One candidate, however it was written (its id and priority may differ between the SDP and a trickle). */
const candidateKey = (c: Candidate): string => `${c.component} ${c.ip} ${c.port} ${c.type}`;
export const CALL_DISCO_FEATURES = [...CALL_FEATURES, NS_RTP_AUDIO, NS_RTP_VIDEO, NS_JMI, NS_GROUPING];

export interface CallsApi {
  /** Whether a device with these features can take audio / video calls (Conversations' rule). */
  capable(features: readonly string[]): { audio: boolean; video: boolean };
  start(peer: BareJid, video: boolean): Promise<Call>;
  accept(sid: string): Promise<void>;
  reject(sid: string): Promise<void>;
  hangup(sid: string): Promise<void>;
  description(sid: string, type: SdpType, sdp: string): Promise<void>;
  candidate(sid: string, candidate: string, sdpMid: string): Promise<void>;
  connection(sid: string, state: CallConnectionState): Promise<void>;
  info(sid: string, info: CallInfo): Promise<void>;
  list(): Call[];
}

export function setupCalls(ctx: ModuleContext): CallsApi & { dispose(): void } {
  const { account, xmpp, disco, emit, store, log, lifecycle } = ctx;
  for (const ns of CALL_DISCO_FEATURES) disco.addFeature(ns);
  const ringMs = ctx.limits?.callRingMs ?? CALL_RING_MS;
  const messages = createMessageService(account, store, emit);
  /** Each ended call becomes an entry of the chat's history (on each of our devices, once). */
  const remember = (call: Call): void => {
    if (call.phase !== 'ended' || !call.reason || call.reason === 'replaced') return;
    const incoming = call.direction === 'incoming';
    messages.ingest({
      peer: call.peer,
      direction: incoming ? 'in' : 'out',
      from: incoming ? `${call.peer}${call.peerResource ? `/${call.peerResource}` : ''}` : (xmpp.jid ?? ''),
      body: '',
      timestamp: call.startedAt,
      state: incoming ? 'received' : 'acked',
      originId: `call-${call.sid}`,
      call: {
        sid: call.sid,
        media: call.media,
        reason: call.reason,
        ...(call.connectedAt !== undefined && call.endedAt !== undefined
          ? { durationMs: call.endedAt - call.connectedAt }
          : {}),
        ...(call.stranger ? { stranger: true } : {}),
      },
    });
  };
  const state = callState(account, (call) => {
    emit('call.changed', { call });
    remember(call);
  });
  const { calls } = state;

  const send = (stanza: Element): void => {
    xmpp.send(stanza).catch((error: unknown) => log.warn('a call message was not sent', { error: String(error) }));
  };
  const ids = (record: CallRecord) => ({ sid: record.call.sid, initiator: record.initiator });
  const jingleSet = (record: CallRecord, payload: Element): Promise<Element> => {
    if (!record.peerFull) return Promise.reject(new Error('no device in the call'));
    return xmpp.iq('set', record.peerFull, payload, 15_000);
  };
  const terminate = (record: CallRecord, condition: string, reason: CallEndReason): void => {
    if (!state.end(record, reason)) return;
    if (record.sessionSent || record.sessionReceived)
      jingleSet(record, jingle('session-terminate', ids(record), reasonElement(condition))).catch(() => undefined);
    if (record.peerFull) send(jmiMessage(record.peerFull, 'finish', record.call.sid, { reason: condition }));
  };
  const find = (sid: string): CallRecord => {
    const record = calls.get(sid);
    if (!record || record.call.phase === 'ended') throw new UserError('No such call', 'call-unknown');
    return record;
  };
  const busy = (): boolean =>
    state.running() >= MAX_CALLS ||
    [...calls.values()].some((r) => r.call.phase === 'connecting' || r.call.phase === 'active');

  const iceServersOf = (record: CallRecord): Promise<CallIceServer[]> => (record.iceServers ??= fetchIceServers(xmpp));

  const answer = async (record: CallRecord): Promise<void> => {
    const own = xmpp.bareJid;
    if (record.call.phase !== 'incoming' || !record.peerFull || !own)
      throw new UserError('The call does not ring', 'call-unknown');
    clearTimeout(record.timer);
    state.update(record, { phase: 'connecting' });
    // The caller goes on at the proceed, so it leads; our other devices stop ringing on the accept (Conversations,
    // Dino). Both are written at once: the accept does not wait for the proceed's write.
    await Promise.all([
      xmpp.send(jmiMessage(record.peerFull, 'proceed', record.call.sid)),
      xmpp.send(jmiMessage(own, 'accept', record.call.sid)),
    ]);
    // The servers were asked for while it rang: the window builds its connection with them before the offer comes.
    const { sid, media } = record.call;
    void iceServersOf(record).then((iceServers) => {
      if (record.call.phase === 'connecting') emit('call.preparing', { account, sid, media, iceServers, offer: false });
    });
  };

  const onPropose = (jmi: JmiMessage, from: string, delayed: boolean): void => {
    if (calls.has(jmi.id) || !from.includes('/') || bareOf(from as FullJid) === xmpp.bareJid) return;
    const peer = bareOf(from as FullJid);
    const media: CallMedia[] = jmi.media.length > 0 ? jmi.media : ['audio'];
    const stranger = store.roster.get(account, peer) === undefined;
    const fields = { sid: jmi.id, peer, direction: 'incoming' as const, media };
    if (delayed || stranger) {
      // From the archive, offline storage or a stranger: nothing rings, a missed call is shown.
      state.remember(
        { ...fields, phase: 'ended', reason: 'missed', ...(stranger ? { stranger } : {}) },
        from as FullJid,
      );
      return;
    }
    const ringing = { ...fields, phase: 'incoming' as const, peerResource: from.slice(from.indexOf('/') + 1) };
    const ours = [...calls.values()].find((r) => r.call.peer === peer && r.call.phase !== 'ended');
    if (
      ours &&
      ours.call.direction === 'outgoing' &&
      (ours.call.phase === 'proposing' || ours.call.phase === 'ringing')
    ) {
      // Both called at once (XEP-0353 §5.1): the lower session id goes on, the other gives way.
      if (ours.call.sid < jmi.id) {
        send(jmiMessage(from, 'reject', jmi.id, { reason: 'expired', tieBreak: true }));
        return;
      }
      state.end(ours, 'replaced');
      send(jmiMessage(peer, 'retract', ours.call.sid, { reason: 'expired', tieBreak: true }));
      // The user asked for a call with them already: theirs is taken at once.
      answer(state.remember(ringing, from as FullJid, from as FullJid)).catch(() => undefined);
      return;
    }
    if (ours && (ours.call.phase === 'connecting' || ours.call.phase === 'active')) {
      // A new call from the peer of a running one continues it on their new device (§5.2). The finish goes
      // first: the old device reads "moved" from it before the session-terminate ends its call.
      send(jmiMessage(peer, 'finish', ours.call.sid, { reason: 'expired', migratedTo: jmi.id }));
      if (ours.sessionSent || ours.sessionReceived)
        jingleSet(ours, jingle('session-terminate', ids(ours), reasonElement('expired'))).catch(() => undefined);
      state.end(ours, 'remote-hangup');
      answer(state.remember(ringing, from as FullJid, from as FullJid)).catch(() => undefined);
      return;
    }
    if (busy()) {
      send(jmiMessage(from, 'reject', jmi.id, { reason: 'busy' }));
      return;
    }
    const record = state.remember(ringing, from as FullJid, from as FullJid);
    void iceServersOf(record);
    record.timer = setTimeout(() => {
      if (state.end(record, 'missed')) send(jmiMessage(from, 'reject', jmi.id, { reason: 'timeout' }));
    }, ringMs);
    send(jmiMessage(from, 'ringing', jmi.id));
  };

  /** The callee's device rings: its <ringing/>, or the receipt for our propose from a device that sends none. */
  const peerRinging = (sid: string, from: string): void => {
    const record = calls.get(sid);
    if (!record || record.call.direction !== 'outgoing' || bareOf(from as FullJid) !== record.call.peer) return;
    if (record.call.phase === 'proposing') state.update(record, { phase: 'ringing' });
  };

  /** XEP-0353 messages, live or as carbons; `ownDevice`: one of our other devices sent it. */
  const onJmi = (jmi: JmiMessage, from: string, ownDevice: boolean, delayed: boolean): void => {
    if (jmi.action === 'propose') {
      if (!ownDevice) onPropose(jmi, from, delayed);
      return;
    }
    const record = calls.get(jmi.id);
    if (!record || record.call.phase === 'ended' || delayed) return;
    if (ownDevice || bareOf(from as FullJid) === xmpp.bareJid) {
      // Another device of ours answered or declined the call that rings here too.
      if (record.call.phase !== 'incoming' || from === xmpp.jid) return;
      if (jmi.action === 'accept' || jmi.action === 'proceed') state.end(record, 'answered-elsewhere');
      else if (jmi.action === 'reject') state.end(record, 'declined-elsewhere');
      return;
    }
    if (bareOf(from as FullJid) !== record.call.peer) return;
    const outgoing = record.call.direction === 'outgoing';
    const waiting = outgoing && (record.call.phase === 'proposing' || record.call.phase === 'ringing');
    if (jmi.action === 'ringing') peerRinging(jmi.id, from);
    else if ((jmi.action === 'proceed' || jmi.action === 'accept') && waiting && from.includes('/')) {
      clearTimeout(record.timer);
      record.peerFull = from as FullJid;
      state.update(record, { phase: 'connecting', peerResource: from.slice(from.indexOf('/') + 1) });
      const offer = record.preparedOffer;
      if (offer !== undefined) sendSession(record, offer).catch(() => terminate(record, 'general-error', 'failed'));
      else
        void iceServersOf(record).then((iceServers) => {
          if (record.call.phase === 'connecting' && !record.sessionSent)
            emit('call.offerNeeded', { account, sid: jmi.id, media: record.call.media, iceServers });
        });
    } else if (jmi.action === 'reject' && waiting)
      state.end(record, jmi.tieBreak ? 'replaced' : jmi.reason === 'busy' ? 'busy' : 'declined');
    else if (jmi.action === 'retract' && !outgoing && record.peerFull === from)
      state.end(record, jmi.tieBreak ? 'replaced' : 'missed');
    else if (jmi.action === 'finish' && record.peerFull === from)
      state.end(record, jmi.migratedTo ? 'moved' : 'remote-hangup');
  };

  const offMessage = xmpp.onMessage((stanza) => {
    const own = xmpp.bareJid;
    const wrapper = stanza.getChild('received', NS_CARBONS) ?? stanza.getChild('sent', NS_CARBONS);
    if (wrapper) {
      const inner = wrapper.getChild('forwarded', NS_FORWARD)?.getChild('message');
      const jmi = inner && parseJmi(inner);
      const from = attr(inner, 'from');
      const sent = wrapper.name === 'sent';
      // A carbon counts only from our own server, and a "sent" one only when it is ours.
      if (!jmi || !from || !own || stanza.attrs.from !== own || (sent && bareOf(from as FullJid) !== own)) return;
      onJmi(jmi, from, sent, false);
      return;
    }
    const jmi = parseJmi(stanza);
    const from = attr(stanza, 'from');
    if (jmi && from && stanza.attrs.type !== 'error') onJmi(jmi, from, false, isDelayed(stanza));
    // A device that does not send <ringing/> (Conversations) acknowledges the propose with a receipt instead.
    const receipt = attr(stanza.getChild('received', NS_RECEIPTS), 'id');
    if (from && receipt?.startsWith(PROPOSE_ID)) peerRinging(receipt.slice(PROPOSE_ID.length), from);
  });

  const offIq = xmpp.onIq('set', NS_JINGLE, 'jingle', jingleHandler({ account, state, emit, terminate, iceServersOf }));
  const offOffline = lifecycle.onOffline(() => {
    for (const record of calls.values()) state.end(record, 'connectivity-error');
  });

  const flushCandidates = (record: CallRecord): void => {
    for (const { candidate, sdpMid } of record.pendingLocal.splice(0)) {
      const content = record.localContents.get(sdpMid);
      if (content) jingleSet(record, transportInfo(ids(record), content, candidate)).catch(() => undefined);
    }
  };

  /**
   * Our description as the session-initiate (outgoing) or session-accept (incoming). The candidates gathered
   * by then go in it (XEP-0176 allows them there), so the peer starts its checks without waiting for our
   * transport-infos; later ones follow one by one once the peer acknowledged the description.
   */
  const sendSession = async (record: CallRecord, session: JingleDescription): Promise<void> => {
    const outgoing = record.call.direction === 'outgoing';
    for (const c of session.contents) {
      if (!outgoing) c.creator = record.remoteContents.get(c.name)?.creator ?? 'initiator';
      const known = new Set(c.transport.candidates.map(candidateKey));
      for (const { candidate } of record.pendingLocal.filter((p) => p.sdpMid === c.name))
        if (!known.has(candidateKey(candidate))) c.transport.candidates.push(candidate);
      record.localContents.set(c.name, {
        creator: c.creator,
        name: c.name,
        senders: c.senders,
        ...(c.transport.ufrag ? { ufrag: c.transport.ufrag } : {}),
        ...(c.transport.pwd ? { pwd: c.transport.pwd } : {}),
      });
    }
    record.pendingLocal = record.pendingLocal.filter((p) => !record.localContents.has(p.sdpMid));
    const own = xmpp.jid;
    if (!own) throw new UserError('The account is not connected', 'not-connected');
    const action = outgoing ? 'session-initiate' : 'session-accept';
    const payload = jingle(action, ids(record), ...descriptionElements(session));
    if (!outgoing) payload.attrs.responder = own;
    record.sessionSent = true;
    try {
      await jingleSet(record, payload);
    } catch (error) {
      terminate(record, 'general-error', 'failed');
      throw error;
    }
    record.sessionAcked = true;
    flushCandidates(record);
  };

  return {
    capable: (features) => {
      const rtp = CALL_FEATURES.every((ns) => features.includes(ns));
      return { audio: rtp && features.includes(NS_RTP_AUDIO), video: rtp && features.includes(NS_RTP_VIDEO) };
    },
    start: async (peer, video) => {
      const own = xmpp.jid;
      if (!own) throw new UserError('The account is not connected', 'not-connected');
      if (busy()) throw new UserError('Another call runs', 'call-busy');
      const media: CallMedia[] = video ? ['audio', 'video'] : ['audio'];
      const record = state.remember({ sid: randomUUID(), peer, direction: 'outgoing', media, phase: 'proposing' }, own);
      const iceServers = iceServersOf(record);
      record.timer = setTimeout(() => {
        if (state.end(record, 'no-answer')) send(jmiMessage(peer, 'retract', record.call.sid, { reason: 'cancel' }));
      }, ringMs);
      // The propose first: the callee's devices ring while we ask our server for STUN/TURN.
      await xmpp.send(jmiMessage(peer, 'propose', record.call.sid, { media }));
      const servers = await iceServers;
      if (record.call.phase !== 'ended')
        emit('call.preparing', { account, sid: record.call.sid, media, iceServers: servers, offer: true });
      return { ...record.call };
    },
    accept: (sid) => answer(find(sid)),
    reject: async (sid) => {
      const record = find(sid);
      const own = xmpp.bareJid;
      if (record.call.phase !== 'incoming' || !record.peerFull || !own)
        throw new UserError('The call does not ring', 'call-unknown');
      state.end(record, 'declined');
      await xmpp.send(jmiMessage(record.peerFull, 'reject', sid, { reason: 'decline' }));
      await xmpp.send(jmiMessage(own, 'reject', sid, { reason: 'decline' }));
    },
    hangup: async (sid) => {
      const record = find(sid);
      if (record.call.phase === 'incoming') {
        state.end(record, 'declined');
        if (record.peerFull) await xmpp.send(jmiMessage(record.peerFull, 'reject', sid, { reason: 'decline' }));
      } else if (record.call.direction === 'outgoing' && !record.peerFull) {
        state.end(record, 'cancelled');
        await xmpp.send(jmiMessage(record.call.peer, 'retract', sid, { reason: 'cancel' }));
      } else terminate(record, 'success', 'hangup');
    },
    description: async (sid, type, sdp) => {
      const record = find(sid);
      const outgoing = record.call.direction === 'outgoing';
      const ringing = record.call.phase === 'proposing' || record.call.phase === 'ringing';
      const keep = outgoing && ringing && type === 'offer' && record.preparedOffer === undefined;
      if (
        !keep &&
        (record.call.phase !== 'connecting' || record.sessionSent || type !== (outgoing ? 'offer' : 'answer'))
      )
        throw new UserError('The call does not wait for this description', 'call-unknown');
      // Converted now: a malformed offer kept while it rings is refused at once, not when the callee answers.
      const session = sdpToJingle(sdp, outgoing ? 'initiator' : 'responder');
      if (keep) record.preparedOffer = session;
      else await sendSession(record, session);
    },
    candidate: async (sid, line, sdpMid) => {
      const record = find(sid);
      const candidate = parseCandidateLine(line);
      if (!candidate) return; // TCP, mDNS and the like have no place in ICE-UDP
      record.pendingLocal.push({ candidate, sdpMid });
      if (record.sessionAcked) flushCandidates(record);
      return Promise.resolve();
    },
    connection: async (sid, connectionState) => {
      const record = find(sid);
      if (connectionState === 'connected' && record.call.phase === 'connecting')
        state.update(record, { phase: 'active', connectedAt: Date.now() });
      else if (connectionState === 'failed') terminate(record, 'connectivity-error', 'connectivity-error');
      return Promise.resolve();
    },
    info: async (sid, info) => {
      const record = find(sid);
      if (!record.sessionAcked) return;
      // Mute names the audio content (XEP-0167 §7.3); hold is the whole session's (§7.2).
      const audio = [...record.localContents.values()].find(
        (c) => record.remoteContents.get(c.name)?.description.media === 'audio',
      );
      const which = info === 'mute' || info === 'unmute' ? { creator: audio?.creator, name: audio?.name } : {};
      await jingleSet(record, jingle('session-info', ids(record), el(info, NS_RTP_INFO, which)));
    },
    list: () => [...calls.values()].filter((r) => r.call.phase !== 'ended').map((r) => ({ ...r.call })),
    dispose: () => {
      offMessage();
      offIq();
      offOffline();
      for (const record of calls.values()) clearTimeout(record.timer);
      for (const ns of CALL_DISCO_FEATURES) disco.removeFeature(ns);
    },
  };
}
