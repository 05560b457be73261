// The Jingle RTP session description (XEP-0166/0167/0176/0320/0338/0339/0293/0294) as plain data: what the
// SDP converter produces and the XML builder writes, and the other way round.

/** Who sends on a content, relative to the session's initiator (XEP-0166). */
export type Senders = 'both' | 'initiator' | 'responder' | 'none';
/** Who wrote an SDP: the direction attributes in it are from that side's point of view. */
export type SdpAuthor = 'initiator' | 'responder';
export type MediaKind = 'audio' | 'video';

export interface Parameter {
  name: string;
  value: string;
}

export interface RtcpFeedback {
  type: string;
  subtype?: string;
}

export interface PayloadType {
  id: number;
  name: string;
  clockrate?: number;
  channels?: number;
  ptime?: number;
  maxptime?: number;
  /** fmtp parameters; a nameless one (`a=fmtp:63 111/111`) has name ''. */
  parameters: Parameter[];
  feedback: RtcpFeedback[];
  trrInt?: number;
}

export interface HeaderExtension {
  id: number;
  uri: string;
  /** Absent: both directions. */
  senders?: Exclude<Senders, 'both'>;
}

export interface Source {
  ssrc: string;
  parameters: Parameter[];
}

export interface SsrcGroup {
  semantics: string;
  ssrcs: string[];
}

export interface RtpDescription {
  media: MediaKind;
  payloadTypes: PayloadType[];
  /** `a=rtcp-fb:*` feedback, for every payload type. */
  feedback: RtcpFeedback[];
  trrInt?: number;
  extensions: HeaderExtension[];
  extmapAllowMixed: boolean;
  rtcpMux: boolean;
  bandwidth?: { type: string; value: number };
  sources: Source[];
  ssrcGroups: SsrcGroup[];
}

export interface Candidate {
  component: number;
  foundation: string;
  generation: number;
  /** An NCName, unique in the session. */
  id: string;
  ip: string;
  port: number;
  priority: number;
  protocol: 'udp';
  type: 'host' | 'prflx' | 'srflx' | 'relay';
  relAddr?: string;
  relPort?: number;
  network?: number;
}

export interface Fingerprint {
  hash: string;
  setup: 'actpass' | 'active' | 'passive' | 'holdconn';
  /** Upper-case hex pairs joined by colons. */
  value: string;
}

export interface IceTransport {
  ufrag?: string;
  pwd?: string;
  fingerprint?: Fingerprint;
  candidates: Candidate[];
}

export interface JingleContent {
  creator: 'initiator' | 'responder';
  /** The SDP mid. */
  name: string;
  senders: Senders;
  description: RtpDescription;
  transport: IceTransport;
}

export interface JingleDescription {
  contents: JingleContent[];
  /** Content names in one BUNDLE group (XEP-0338); absent when the side does not bundle. */
  bundle?: string[];
}

/** A description or candidate that cannot be carried: the session is refused, never half-converted. */
export class SdpError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SdpError';
  }
}
