// Jingle RTP contents into an SDP that libwebrtc takes (port, protocol and connection lines are constants
// Jingle does not carry, as Conversations writes them too).
import { randomInt } from 'node:crypto';
import { candidateLine } from './candidate.ts';
import {
  type JingleDescription,
  type PayloadType,
  type RtcpFeedback,
  type SdpAuthor,
  SdpError,
} from './jingle.types.ts';
import { directionOf } from './senders.ts';

const feedbackText = (fb: RtcpFeedback): string => (fb.subtype ? `${fb.type} ${fb.subtype}` : fb.type);

function payloadLines(pt: PayloadType): string[] {
  const lines: string[] = [];
  if (pt.name) {
    const channels = pt.channels && pt.channels > 1 ? `/${pt.channels}` : '';
    lines.push(`a=rtpmap:${pt.id} ${pt.name}/${pt.clockrate ?? 8000}${channels}`);
  }
  for (const fb of pt.feedback) lines.push(`a=rtcp-fb:${pt.id} ${feedbackText(fb)}`);
  if (pt.trrInt !== undefined) lines.push(`a=rtcp-fb:${pt.id} trr-int ${pt.trrInt}`);
  if (pt.parameters.length > 0)
    lines.push(`a=fmtp:${pt.id} ${pt.parameters.map((p) => (p.name ? `${p.name}=${p.value}` : p.value)).join(';')}`);
  return lines;
}

/** The SDP `author` would have written for these contents; refuses contents without ICE credentials or DTLS. */
export function jingleToSdp(session: JingleDescription, author: SdpAuthor): string {
  const lines = ['v=0', `o=- ${randomInt(1, 2 ** 47)} 2 IN IP4 0.0.0.0`, 's=-', 't=0 0'];
  if (session.bundle && session.bundle.length > 0) lines.push(`a=group:BUNDLE ${session.bundle.join(' ')}`);
  lines.push('a=msid-semantic: WMS *');
  for (const content of session.contents) {
    const { description: desc, transport } = content;
    if (!transport.ufrag || !transport.pwd) throw new SdpError('A content has no ICE credentials');
    if (!transport.fingerprint) throw new SdpError('A content has no DTLS fingerprint');
    if (desc.payloadTypes.length === 0) throw new SdpError('A content has no payload types');
    lines.push(
      `m=${desc.media} 9 UDP/TLS/RTP/SAVPF ${desc.payloadTypes.map((pt) => pt.id).join(' ')}`,
      'c=IN IP4 0.0.0.0',
      'a=rtcp:9 IN IP4 0.0.0.0',
    );
    if (desc.bandwidth) lines.push(`b=${desc.bandwidth.type}:${desc.bandwidth.value}`);
    lines.push(
      `a=ice-ufrag:${transport.ufrag}`,
      `a=ice-pwd:${transport.pwd}`,
      'a=ice-options:trickle',
      `a=fingerprint:${transport.fingerprint.hash} ${transport.fingerprint.value}`,
      `a=setup:${transport.fingerprint.setup}`,
      `a=mid:${content.name}`,
    );
    if (desc.extmapAllowMixed) lines.push('a=extmap-allow-mixed');
    for (const ext of desc.extensions) {
      const dir = ext.senders ? `/${directionOf(ext.senders, author)}` : '';
      lines.push(`a=extmap:${ext.id}${dir} ${ext.uri}`);
    }
    lines.push(`a=${directionOf(content.senders, author)}`);
    const msid = desc.sources.flatMap((s) => s.parameters).find((p) => p.name === 'msid')?.value;
    if (msid) lines.push(`a=msid:${msid}`);
    // libwebrtc requires rtcp-mux; a bundled content is muxed whether or not the peer said so.
    if (desc.rtcpMux || session.bundle?.includes(content.name)) lines.push('a=rtcp-mux');
    for (const pt of desc.payloadTypes) lines.push(...payloadLines(pt));
    const ptime = desc.payloadTypes.find((pt) => pt.ptime !== undefined)?.ptime;
    if (ptime !== undefined) lines.push(`a=ptime:${ptime}`);
    const maxptime = desc.payloadTypes.find((pt) => pt.maxptime !== undefined)?.maxptime;
    if (maxptime !== undefined) lines.push(`a=maxptime:${maxptime}`);
    for (const fb of desc.feedback) lines.push(`a=rtcp-fb:* ${feedbackText(fb)}`);
    if (desc.trrInt !== undefined) lines.push(`a=rtcp-fb:* trr-int ${desc.trrInt}`);
    for (const group of desc.ssrcGroups) lines.push(`a=ssrc-group:${group.semantics} ${group.ssrcs.join(' ')}`);
    for (const source of desc.sources)
      for (const p of source.parameters) lines.push(`a=ssrc:${source.ssrc} ${p.name}${p.value ? `:${p.value}` : ''}`);
    for (const candidate of transport.candidates) lines.push(`a=${candidateLine(candidate, transport.ufrag)}`);
  }
  return `${lines.join('\r\n')}\r\n`;
}
