// An SDP offer or answer (as Chromium, aiortc or Firefox write them) into Jingle RTP contents.
import { MAX_SDP_CHARS } from '../../../../shared/model/call.ts';
import { parseCandidateLine } from './candidate.ts';
import {
  type Fingerprint,
  type JingleContent,
  type JingleDescription,
  type PayloadType,
  type RtcpFeedback,
  type RtpDescription,
  type SdpAuthor,
  SdpError,
} from './jingle.types.ts';
import { isDirection, sendersOf } from './senders.ts';

const SETUPS = new Set(['actpass', 'active', 'passive', 'holdconn']);

interface Section {
  media: string;
  port: number;
  formats: string[];
  attributes: [string, string][];
}

function splitSections(sdp: string): { session: [string, string][]; sections: Section[] } {
  if (sdp.length > MAX_SDP_CHARS) throw new SdpError('The session description is too large');
  const session: [string, string][] = [];
  const sections: Section[] = [];
  for (const raw of sdp.split(/\r?\n/)) {
    const line = raw.trim();
    if (line.startsWith('m=')) {
      const [media = '', port = '', , ...formats] = line.slice(2).split(/\s+/);
      sections.push({ media, port: Number(port), formats, attributes: [] });
    } else if (line.startsWith('a=')) {
      const colon = line.indexOf(':');
      const attribute: [string, string] =
        colon < 0 ? [line.slice(2), ''] : [line.slice(2, colon), line.slice(colon + 1)];
      (sections.at(-1)?.attributes ?? session).push(attribute);
    } else if (line.startsWith('b=') && sections.at(-1)) {
      sections.at(-1)?.attributes.push(['b', line.slice(2)]);
    }
  }
  return { session, sections };
}

const values = (attributes: [string, string][], name: string): string[] =>
  attributes.filter(([key]) => key === name).map(([, value]) => value);
const first = (attributes: [string, string][], name: string): string | undefined => values(attributes, name)[0];

function feedbackOf(text: string): RtcpFeedback {
  const [type = '', subtype] = text.trim().split(/\s+/, 2);
  return subtype ? { type, subtype } : { type };
}

function payloadTypes(section: Section): PayloadType[] {
  const byId = new Map<number, PayloadType>();
  for (const format of section.formats) {
    const id = Number(format);
    if (Number.isInteger(id) && id >= 0 && id < 128) byId.set(id, { id, name: '', parameters: [], feedback: [] });
  }
  for (const [key, value] of section.attributes) {
    const match = /^(\d+|\*)\s+(.*)$/.exec(value);
    if (!match) continue;
    const pt = byId.get(Number(match[1]));
    const rest = match[2] ?? '';
    if (key === 'rtpmap' && pt) {
      const [name = '', clockrate, channels] = rest.split('/');
      pt.name = name;
      if (clockrate) pt.clockrate = Number(clockrate);
      if (channels) pt.channels = Number(channels);
    } else if (key === 'fmtp' && pt) {
      for (const part of rest.split(';')) {
        const eq = part.indexOf('=');
        const param =
          eq < 0
            ? { name: '', value: part.trim() }
            : { name: part.slice(0, eq).trim(), value: part.slice(eq + 1).trim() };
        if (param.value || param.name) pt.parameters.push(param);
      }
    } else if (key === 'rtcp-fb' && pt) {
      if (rest.startsWith('trr-int ')) pt.trrInt = Number(rest.slice(8));
      else pt.feedback.push(feedbackOf(rest));
    }
  }
  const ptime = first(section.attributes, 'ptime');
  const maxptime = first(section.attributes, 'maxptime');
  const types = [...byId.values()].filter((pt) => pt.name !== '' || pt.id < 96);
  for (const pt of types) {
    if (ptime) pt.ptime = Number(ptime);
    if (maxptime) pt.maxptime = Number(maxptime);
  }
  return types;
}

function description(section: Section, session: [string, string][], author: SdpAuthor): RtpDescription {
  const attrs = section.attributes;
  const wildcard = values(attrs, 'rtcp-fb').filter((v) => v.startsWith('* '));
  const desc: RtpDescription = {
    media: section.media as RtpDescription['media'],
    payloadTypes: payloadTypes(section),
    feedback: wildcard.filter((v) => !v.startsWith('* trr-int')).map((v) => feedbackOf(v.slice(2))),
    extensions: [],
    extmapAllowMixed:
      first(attrs, 'extmap-allow-mixed') !== undefined || first(session, 'extmap-allow-mixed') !== undefined,
    rtcpMux: first(attrs, 'rtcp-mux') !== undefined,
    sources: [],
    ssrcGroups: [],
  };
  const trr = wildcard.find((v) => v.startsWith('* trr-int '));
  if (trr) desc.trrInt = Number(trr.slice('* trr-int '.length));
  for (const value of values(attrs, 'extmap')) {
    const match = /^(\d+)(?:\/(\w+))?\s+(\S+)/.exec(value);
    if (!match) continue;
    const extension: RtpDescription['extensions'][number] = { id: Number(match[1]), uri: match[3] ?? '' };
    const dir = match[2];
    if (dir && isDirection(dir) && dir !== 'sendrecv') {
      const senders = sendersOf(dir, author);
      if (senders !== 'both') extension.senders = senders;
    }
    desc.extensions.push(extension);
  }
  const bandwidth = values(attrs, 'b')
    .map((v) => /^(AS|TIAS|CT):(\d+)$/.exec(v))
    .find(Boolean);
  if (bandwidth) desc.bandwidth = { type: bandwidth[1] ?? 'AS', value: Number(bandwidth[2]) };
  // Chromium writes the track's msid at media level only: each source gets it, so the far side can group tracks.
  const msid = first(attrs, 'msid');
  for (const value of values(attrs, 'ssrc')) {
    const match = /^(\d+)\s+([^:\s]+)(?::(.*))?$/.exec(value);
    if (!match) continue;
    const [ssrc = '', name = '', param = ''] = [match[1], match[2], match[3]];
    let source = desc.sources.find((s) => s.ssrc === ssrc);
    if (!source) desc.sources.push((source = { ssrc, parameters: [] }));
    if (!source.parameters.some((p) => p.name === name)) source.parameters.push({ name, value: param });
  }
  if (msid)
    for (const source of desc.sources)
      if (!source.parameters.some((p) => p.name === 'msid')) source.parameters.push({ name: 'msid', value: msid });
  for (const value of values(attrs, 'ssrc-group')) {
    const [semantics = '', ...ssrcs] = value.split(/\s+/);
    if (semantics && ssrcs.length > 0) desc.ssrcGroups.push({ semantics, ssrcs });
  }
  return desc;
}

function fingerprint(section: Section, session: [string, string][]): Fingerprint | undefined {
  // Firefox puts fingerprint and setup at session level: each media inherits them.
  const text = first(section.attributes, 'fingerprint') ?? first(session, 'fingerprint');
  const setup = first(section.attributes, 'setup') ?? first(session, 'setup');
  const match = text ? /^(\S+)\s+([0-9A-Fa-f:]+)$/.exec(text.trim()) : undefined;
  if (!match || !setup || !SETUPS.has(setup)) return undefined;
  return {
    hash: (match[1] ?? '').toLowerCase(),
    setup: setup as Fingerprint['setup'],
    value: (match[2] ?? '').toUpperCase(),
  };
}

/**
 * The RTP contents of an SDP written by `author`. Rejected (port 0), data-channel and non-RTP sections are
 * left out; a content without a DTLS fingerprint is refused (DTLS-SRTP is mandatory, as Conversations holds).
 */
export function sdpToJingle(sdp: string, author: SdpAuthor): JingleDescription {
  const { session, sections } = splitSections(sdp);
  const contents: JingleContent[] = [];
  for (const section of sections) {
    if ((section.media !== 'audio' && section.media !== 'video') || section.port === 0) continue;
    const name = first(section.attributes, 'mid');
    if (!name) throw new SdpError('A media section has no mid');
    const dtls = fingerprint(section, session);
    if (!dtls) throw new SdpError('A media section has no DTLS fingerprint');
    const direction = section.attributes.map(([key]) => key).find(isDirection) ?? 'sendrecv';
    const ufrag = first(section.attributes, 'ice-ufrag') ?? first(session, 'ice-ufrag');
    const pwd = first(section.attributes, 'ice-pwd') ?? first(session, 'ice-pwd');
    const candidates = values(section.attributes, 'candidate').flatMap(
      (v) => parseCandidateLine(`candidate:${v}`) ?? [],
    );
    contents.push({
      creator: 'initiator',
      name,
      senders: sendersOf(direction, author),
      description: description(section, session, author),
      transport: { ...(ufrag ? { ufrag } : {}), ...(pwd ? { pwd } : {}), fingerprint: dtls, candidates },
    });
  }
  if (contents.length === 0) throw new SdpError('The session description has no audio or video');
  const group = values(session, 'group')
    .map((v) => v.split(/\s+/))
    .find(([semantics]) => semantics === 'BUNDLE');
  const bundle = group?.slice(1).filter((name) => contents.some((c) => c.name === name));
  return bundle && bundle.length > 0 ? { contents, bundle } : { contents };
}
