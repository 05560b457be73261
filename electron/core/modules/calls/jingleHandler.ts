// Incoming Jingle IQs for our calls: acknowledged first, acted on after; anything without a session of
// ours, out of order or malformed gets the XEP-0166 error and rings nothing.
import type { AccountId } from '../../../../shared/model/account.ts';
import type { CallIceServer, SdpType } from '../../../../shared/model/call.ts';
import type { CoreEmitter } from '../../events.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import { attr, type Element } from '../../xmpp/stanza.ts';
import { candidateLine } from './candidate.ts';
import { type CallRecord, type CallStates, endReasonOf } from './callState.ts';
import { NS_ICE_UDP, NS_JINGLE, NS_RTP_INFO } from './jingle.ns.ts';
import { parseJingleDescription, parseTransport } from './jingle.parse.ts';
import { type JingleDescription, SdpError } from './jingle.types.ts';
import { outOfOrder, unknownSession, unsupportedInfo } from './jingleIq.ts';
import { jingleToSdp } from './sdp.write.ts';

const MAX_REMOTE_CANDIDATES = 200;

export interface JingleHandlerDeps {
  account: AccountId;
  state: CallStates;
  emit: CoreEmitter['emit'];
  /** Ends a call from our side: session-terminate with this condition, finish, and the call's end. */
  terminate: (record: CallRecord, condition: string, reason: 'failed' | 'security-error') => void;
  iceServersOf: (record: CallRecord) => Promise<CallIceServer[]>;
}

export function jingleHandler({ account, state, emit, terminate, iceServersOf }: JingleHandlerDeps) {
  const takeDescription = (record: CallRecord, payload: Element, type: SdpType): void => {
    let session: JingleDescription;
    let sdp: string;
    try {
      session = parseJingleDescription(payload);
      const author = record.call.direction === 'outgoing' ? 'responder' : 'initiator';
      sdp = jingleToSdp(session, author);
    } catch (error) {
      const security = error instanceof SdpError && /DTLS/.test(error.message);
      setImmediate(() =>
        terminate(record, security ? 'security-error' : 'failed-application', security ? 'security-error' : 'failed'),
      );
      throw new StanzaError('bad-request', 'modify', error instanceof Error ? error.message : 'malformed');
    }
    record.sessionReceived = true;
    for (const content of session.contents) record.remoteContents.set(content.name, content);
    const { sid } = record.call;
    // Candidates that come meanwhile may reach the renderer first: it keeps them until the description.
    setImmediate(
      () =>
        void iceServersOf(record).then((iceServers) => {
          emit('call.remoteDescription', { account, sid, type, sdp, media: record.call.media, iceServers });
          for (const c of record.earlyRemote.splice(0)) emit('call.remoteCandidate', { account, sid, ...c });
        }),
    );
  };

  const takeCandidates = (record: CallRecord, payload: Element): void => {
    const { sid } = record.call;
    for (const content of payload.getChildren('content', NS_JINGLE)) {
      const name = attr(content, 'name') ?? '';
      if (!record.remoteContents.has(name) && record.sessionReceived) continue;
      const transport = parseTransport(content.getChild('transport', NS_ICE_UDP));
      const ufrag = transport.ufrag ?? record.remoteContents.get(name)?.transport.ufrag;
      for (const candidate of transport.candidates) {
        if (++record.remoteCandidates > MAX_REMOTE_CANDIDATES)
          throw new StanzaError('resource-constraint', 'wait', 'too many candidates');
        const event = { candidate: candidateLine(candidate, ufrag), sdpMid: name };
        if (!record.sessionReceived) record.earlyRemote.push(event);
        else setImmediate(() => emit('call.remoteCandidate', { account, sid, ...event }));
      }
    }
  };

  return (iq: Element): undefined => {
    const payload = iq.getChild('jingle', NS_JINGLE);
    if (!payload) throw new StanzaError('bad-request', 'modify', '');
    const action = attr(payload, 'action');
    const record = state.calls.get(attr(payload, 'sid') ?? '');
    const from = attr(iq, 'from');
    if (action === 'session-initiate') {
      // Only the caller whose propose we accepted gets a session (XEP-0353); a stranger's session-initiate is
      // answered as by a client that takes none (XEP-0166 §6.3.2).
      const accepted =
        record?.call.direction === 'incoming' && record.call.phase === 'connecting' && record.peerFull === from;
      if (!record || !accepted) throw new StanzaError('service-unavailable', 'cancel', '');
      if (record.sessionReceived) throw outOfOrder();
      takeDescription(record, payload, 'offer');
      return undefined;
    }
    if (!record || record.call.phase === 'ended' || record.peerFull !== from) throw unknownSession();
    switch (action) {
      case 'session-accept':
        if (record.call.direction !== 'outgoing' || !record.sessionSent || record.sessionReceived) throw outOfOrder();
        takeDescription(record, payload, 'answer');
        return undefined;
      case 'transport-info':
        if (record.call.direction === 'incoming' && !record.sessionReceived) throw outOfOrder();
        takeCandidates(record, payload);
        return undefined;
      case 'session-terminate': {
        const condition = payload.getChild('reason', NS_JINGLE)?.getChildElements()[0]?.name;
        setImmediate(() => state.end(record, endReasonOf(condition, record)));
        return undefined;
      }
      case 'session-info': {
        // Empty: a ping. Mute, hold and ringing are shown; anything else is not understood.
        const info = payload.getChildElements()[0];
        if (!info) return undefined;
        if (info.getNS() !== NS_RTP_INFO) throw unsupportedInfo();
        if (info.name === 'mute' || info.name === 'unmute') state.update(record, { remoteMuted: info.name === 'mute' });
        else if (info.name === 'hold' || info.name === 'unhold' || info.name === 'active')
          state.update(record, { remoteHeld: info.name === 'hold' });
        else if (info.name !== 'ringing') throw unsupportedInfo();
        return undefined;
      }
      default:
        throw new StanzaError('feature-not-implemented', 'cancel', '');
    }
  };
}
