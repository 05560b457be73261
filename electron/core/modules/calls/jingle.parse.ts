// Jingle RTP contents out of XML a stranger sent: bounded, and refusing what cannot be carried.
import { attr, type Element } from '../../xmpp/stanza.ts';
import { candidateId, isIp } from './candidate.ts';
import {
  type Candidate,
  type Fingerprint,
  type IceTransport,
  type JingleContent,
  type JingleDescription,
  type PayloadType,
  type RtcpFeedback,
  type RtpDescription,
  type Senders,
  SdpError,
} from './jingle.types.ts';
import { NS_DTLS, NS_GROUPING, NS_HDREXT, NS_ICE_UDP, NS_JINGLE, NS_RTCP_FB, NS_RTP, NS_SSMA } from './jingle.ns.ts';

const LIMITS = { contents: 8, payloadTypes: 64, each: 64, candidates: 64 } as const;
const SENDERS = new Set(['both', 'initiator', 'responder', 'none']);
const SETUPS = new Set(['actpass', 'active', 'passive', 'holdconn']);
const TYPES = new Set(['host', 'prflx', 'srflx', 'relay']);
const TOKEN = /^[!-~]{1,256}$/;

const children = (parent: Element, name: string, ns: string, max: number): Element[] => {
  const found = parent.getChildren(name, ns);
  if (found.length > max) throw new SdpError(`Too many <${name}/> elements`);
  return found;
};
const int = (value: string | undefined, min: number, max: number): number | undefined => {
  if (value === undefined || !/^\d{1,10}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= min && n <= max ? n : undefined;
};
/** Values go into SDP lines: nothing that could end a line or start another. */
const token = (value: string | undefined): string | undefined =>
  value !== undefined && TOKEN.test(value) ? value : undefined;
const safe = (value: string | undefined): string => {
  if (value === undefined || /[\r\n]/.test(value) || value.length > 1024)
    throw new SdpError('A value cannot be carried');
  return value;
};

function feedback(parent: Element): RtcpFeedback[] {
  return children(parent, 'rtcp-fb', NS_RTCP_FB, LIMITS.each).flatMap((fb) => {
    const type = token(attr(fb, 'type'));
    const subtype = token(attr(fb, 'subtype'));
    return type ? [subtype ? { type, subtype } : { type }] : [];
  });
}
const trrInt = (parent: Element): number | undefined =>
  int(attr(parent.getChild('rtcp-fb-trr-int', NS_RTCP_FB), 'value'), 0, 1_000_000);

function payloadType(element: Element): PayloadType | undefined {
  const id = int(attr(element, 'id'), 0, 127);
  if (id === undefined) return undefined;
  const pt: PayloadType = { id, name: token(attr(element, 'name')) ?? '', parameters: [], feedback: feedback(element) };
  const clockrate = int(attr(element, 'clockrate'), 1, 10_000_000);
  const channels = int(attr(element, 'channels'), 1, 64);
  const ptime = int(attr(element, 'ptime'), 1, 10_000);
  const maxptime = int(attr(element, 'maxptime'), 1, 10_000);
  if (clockrate !== undefined) pt.clockrate = clockrate;
  if (channels !== undefined) pt.channels = channels;
  if (ptime !== undefined) pt.ptime = ptime;
  if (maxptime !== undefined) pt.maxptime = maxptime;
  const trr = trrInt(element);
  if (trr !== undefined) pt.trrInt = trr;
  for (const p of children(element, 'parameter', NS_RTP, LIMITS.each)) {
    const name = attr(p, 'name') ?? '';
    const value = attr(p, 'value') ?? '';
    if (/[;=\s]/.test(name) || /[;\s]/.test(value)) throw new SdpError('A payload parameter cannot be carried');
    pt.parameters.push({ name: safe(name), value: safe(value) });
  }
  return pt;
}

function description(element: Element): RtpDescription {
  const media = attr(element, 'media');
  if (media !== 'audio' && media !== 'video') throw new SdpError('A content is neither audio nor video');
  const desc: RtpDescription = {
    media,
    payloadTypes: children(element, 'payload-type', NS_RTP, LIMITS.payloadTypes).flatMap((e) => payloadType(e) ?? []),
    feedback: feedback(element),
    extensions: [],
    extmapAllowMixed: element.getChild('extmap-allow-mixed', NS_HDREXT) !== undefined,
    rtcpMux: element.getChild('rtcp-mux', NS_RTP) !== undefined,
    sources: [],
    ssrcGroups: [],
  };
  if (desc.payloadTypes.length === 0) throw new SdpError('A content has no payload types');
  const trr = trrInt(element);
  if (trr !== undefined) desc.trrInt = trr;
  for (const ext of children(element, 'rtp-hdrext', NS_HDREXT, LIMITS.each)) {
    const id = int(attr(ext, 'id'), 1, 255);
    const uri = token(attr(ext, 'uri'));
    const senders = attr(ext, 'senders');
    if (id === undefined || !uri) continue;
    desc.extensions.push(
      senders === 'initiator' || senders === 'responder' || senders === 'none' ? { id, uri, senders } : { id, uri },
    );
  }
  const bandwidth = element.getChild('bandwidth', NS_RTP);
  const bw = int(bandwidth?.text().trim(), 0, 100_000_000);
  const bwType = token(attr(bandwidth, 'type'));
  if (bw !== undefined && bwType) desc.bandwidth = { type: bwType, value: bw };
  for (const source of children(element, 'source', NS_SSMA, LIMITS.each)) {
    const ssrc = attr(source, 'ssrc');
    if (int(ssrc, 0, 2 ** 32 - 1) === undefined || !ssrc) continue;
    const parameters = children(source, 'parameter', NS_SSMA, 8).flatMap((p) => {
      const name = token(attr(p, 'name'));
      const value = attr(p, 'value') ?? '';
      return name && !/[\r\n]/.test(value) && value.length <= 256 ? [{ name, value }] : [];
    });
    desc.sources.push({ ssrc, parameters });
  }
  // Dino names its one source in the XEP-0167 attribute instead.
  const ssrc = attr(element, 'ssrc');
  if (desc.sources.length === 0 && ssrc && int(ssrc, 0, 2 ** 32 - 1) !== undefined)
    desc.sources.push({ ssrc, parameters: [] });
  for (const group of children(element, 'ssrc-group', NS_SSMA, LIMITS.each)) {
    const semantics = token(attr(group, 'semantics'));
    const ssrcs = children(group, 'source', NS_SSMA, 8).flatMap((s) => {
      const v = attr(s, 'ssrc');
      return v && int(v, 0, 2 ** 32 - 1) !== undefined ? [v] : [];
    });
    if (semantics && ssrcs.length > 0) desc.ssrcGroups.push({ semantics, ssrcs });
  }
  return desc;
}

export function parseCandidate(element: Element): Candidate | undefined {
  const ip = attr(element, 'ip');
  const type = attr(element, 'type') ?? 'host';
  const protocol = attr(element, 'protocol')?.toLowerCase();
  const component = int(attr(element, 'component'), 1, 256);
  const port = int(attr(element, 'port'), 1, 65535);
  const priority = int(attr(element, 'priority'), 0, 2 ** 32 - 1);
  const foundation = attr(element, 'foundation');
  if (!ip || !isIp(ip) || protocol !== 'udp' || !TYPES.has(type)) return undefined;
  if (component === undefined || port === undefined || priority === undefined) return undefined;
  if (!foundation || !/^[!-~]{1,32}$/.test(foundation)) return undefined;
  const candidate: Candidate = {
    component,
    foundation,
    generation: int(attr(element, 'generation'), 0, 65535) ?? 0,
    id: token(attr(element, 'id')) ?? candidateId(),
    ip,
    port,
    priority,
    protocol: 'udp',
    type: type as Candidate['type'],
  };
  const relAddr = attr(element, 'rel-addr');
  const relPort = int(attr(element, 'rel-port'), 0, 65535);
  if (relAddr && isIp(relAddr) && relPort !== undefined) {
    candidate.relAddr = relAddr;
    candidate.relPort = relPort;
  }
  const network = int(attr(element, 'network'), 0, 65535);
  if (network !== undefined) candidate.network = network;
  return candidate;
}

export function parseTransport(element: Element | undefined): IceTransport {
  if (!element) throw new SdpError('A content has no ICE-UDP transport');
  const transport: IceTransport = {
    candidates: children(element, 'candidate', NS_ICE_UDP, LIMITS.candidates).flatMap((c) => parseCandidate(c) ?? []),
  };
  const ufrag = token(attr(element, 'ufrag'));
  const pwd = token(attr(element, 'pwd'));
  if (ufrag) transport.ufrag = ufrag;
  if (pwd) transport.pwd = pwd;
  const fp = element.getChild('fingerprint', NS_DTLS);
  const hash = token(attr(fp, 'hash'))?.toLowerCase();
  const setup = attr(fp, 'setup');
  const value = fp?.text().trim().toUpperCase();
  if (fp && hash && setup && SETUPS.has(setup) && value && /^[0-9A-F]{2}(:[0-9A-F]{2}){15,63}$/.test(value))
    transport.fingerprint = { hash, setup: setup as Fingerprint['setup'], value };
  return transport;
}

export function parseContentHeader(content: Element): Pick<JingleContent, 'creator' | 'name' | 'senders'> {
  const name = token(attr(content, 'name'));
  if (!name || name.length > 64) throw new SdpError('A content has no usable name');
  const creator = attr(content, 'creator') === 'responder' ? 'responder' : 'initiator';
  const senders = attr(content, 'senders') ?? 'both';
  return { creator, name, senders: (SENDERS.has(senders) ? senders : 'both') as Senders };
}

/** The contents and BUNDLE group of a session-initiate or session-accept. */
export function parseJingleDescription(jingle: Element): JingleDescription {
  const contents = children(jingle, 'content', NS_JINGLE, LIMITS.contents).flatMap((content): JingleContent[] => {
    const desc = content.getChild('description', NS_RTP);
    if (!desc) return [];
    return [
      {
        ...parseContentHeader(content),
        description: description(desc),
        transport: parseTransport(content.getChild('transport', NS_ICE_UDP)),
      },
    ];
  });
  if (contents.length === 0) throw new SdpError('The session has no RTP content');
  if (new Set(contents.map((c) => c.name)).size !== contents.length) throw new SdpError('Two contents share a name');
  const group = jingle.getChildren('group', NS_GROUPING).find((g) => attr(g, 'semantics') === 'BUNDLE');
  const bundle = group
    ?.getChildren('content', NS_GROUPING)
    .map((c) => attr(c, 'name') ?? '')
    .filter((name) => contents.some((c) => c.name === name));
  return bundle && bundle.length > 0 ? { contents, bundle } : { contents };
}
