// Jingle RTP contents (plain data) into XML.
import { el, type Element } from '../../xmpp/stanza.ts';
import type {
  Candidate,
  IceTransport,
  JingleContent,
  JingleDescription,
  RtcpFeedback,
  RtpDescription,
} from './jingle.types.ts';
import { NS_DTLS, NS_GROUPING, NS_HDREXT, NS_ICE_UDP, NS_RTCP_FB, NS_RTP, NS_SSMA } from './jingle.ns.ts';

const feedback = (fb: RtcpFeedback): Element => el('rtcp-fb', NS_RTCP_FB, { type: fb.type, subtype: fb.subtype });
const trr = (value: number | undefined): Element | undefined =>
  value === undefined ? undefined : el('rtcp-fb-trr-int', NS_RTCP_FB, { value });

function description(desc: RtpDescription): Element {
  return el(
    'description',
    NS_RTP,
    { media: desc.media },
    ...desc.payloadTypes.map((pt) =>
      el(
        'payload-type',
        NS_RTP,
        {
          id: pt.id,
          name: pt.name || undefined,
          clockrate: pt.clockrate,
          channels: pt.channels && pt.channels > 1 ? pt.channels : undefined,
          ptime: pt.ptime,
          maxptime: pt.maxptime,
        },
        ...pt.parameters.map((p) => el('parameter', NS_RTP, { name: p.name, value: p.value })),
        ...pt.feedback.map(feedback),
        trr(pt.trrInt),
      ),
    ),
    ...desc.feedback.map(feedback),
    trr(desc.trrInt),
    ...desc.extensions.map((ext) => el('rtp-hdrext', NS_HDREXT, { id: ext.id, uri: ext.uri, senders: ext.senders })),
    desc.extmapAllowMixed ? el('extmap-allow-mixed', NS_HDREXT) : undefined,
    ...desc.ssrcGroups.map((g) =>
      el('ssrc-group', NS_SSMA, { semantics: g.semantics }, ...g.ssrcs.map((ssrc) => el('source', NS_SSMA, { ssrc }))),
    ),
    ...desc.sources.map((s) =>
      el(
        'source',
        NS_SSMA,
        { ssrc: s.ssrc },
        ...s.parameters.map((p) => el('parameter', NS_SSMA, { name: p.name, value: p.value })),
      ),
    ),
    desc.rtcpMux ? el('rtcp-mux', NS_RTP) : undefined,
    desc.bandwidth ? el('bandwidth', NS_RTP, { type: desc.bandwidth.type }, String(desc.bandwidth.value)) : undefined,
  );
}

export function candidateElement(c: Candidate): Element {
  return el('candidate', NS_ICE_UDP, {
    component: c.component,
    foundation: c.foundation,
    generation: c.generation,
    id: c.id,
    ip: c.ip,
    port: c.port,
    priority: c.priority,
    protocol: c.protocol,
    type: c.type,
    'rel-addr': c.relPort === undefined ? undefined : c.relAddr,
    'rel-port': c.relAddr === undefined ? undefined : c.relPort,
    network: c.network,
  });
}

export function transportElement(t: IceTransport): Element {
  return el(
    'transport',
    NS_ICE_UDP,
    { ufrag: t.ufrag, pwd: t.pwd },
    t.fingerprint
      ? el('fingerprint', NS_DTLS, { hash: t.fingerprint.hash, setup: t.fingerprint.setup }, t.fingerprint.value)
      : undefined,
    ...t.candidates.map(candidateElement),
  );
}

export const contentElement = (c: JingleContent, withDescription = true): Element =>
  el(
    'content',
    'urn:xmpp:jingle:1',
    { creator: c.creator, name: c.name, senders: c.senders },
    withDescription ? description(c.description) : undefined,
    transportElement(c.transport),
  );

/** The children of a session-initiate or session-accept: the contents and the BUNDLE group. */
export function descriptionElements(session: JingleDescription): Element[] {
  const group = session.bundle
    ? el(
        'group',
        NS_GROUPING,
        { semantics: 'BUNDLE' },
        ...session.bundle.map((name) => el('content', NS_GROUPING, { name })),
      )
    : undefined;
  return [...session.contents.map((c) => contentElement(c)), ...(group ? [group] : [])];
}
