#!/usr/bin/python3
"""An independent Jingle call peer for interoperability tests: XEP-0353 ringing, Jingle RTP over ICE-UDP with
DTLS-SRTP (XEP-0166/0167/0176/0320), its own SDP <-> Jingle conversion, media by aiortc.

Built on Debian's python3-slixmpp and python3-aiortc; no code is shared with the app. It logs in, advertises
the call features (with caps), answers every proposed call, and speaks JSON lines: it prints
{"event": "ready"}, {"event": "incoming", "sid"}, {"event": "connected", "sid"},
{"event": "frames", "audio": n, "video": n}, {"event": "ended", "sid", "reason"}; it reads
{"call": {"to": jid, "video": bool}}, {"hangup": true} and {"quit": true} on stdin.
Like Dino it does not bundle its own offers; like aiortc it gathers before it describes, and it waits for
the other side's trickled candidates before it applies a description (aiortc fails ICE without any).
"""
import asyncio
import faulthandler
import fractions
import json
import math
import ssl
import sys
import uuid
import xml.etree.ElementTree as ET
from typing import Any, Dict, List, Optional

import slixmpp
from aiortc import RTCConfiguration, RTCIceServer, RTCPeerConnection, RTCSessionDescription
from aiortc.mediastreams import AudioStreamTrack, MediaStreamError, VideoStreamTrack
from aiortc.sdp import candidate_from_sdp
import av

NS_JINGLE = 'urn:xmpp:jingle:1'
NS_RTP = 'urn:xmpp:jingle:apps:rtp:1'
NS_ICE = 'urn:xmpp:jingle:transports:ice-udp:1'
NS_DTLS = 'urn:xmpp:jingle:apps:dtls:0'
NS_JMI = 'urn:xmpp:jingle-message:0'
NS_GROUP = 'urn:xmpp:jingle:apps:grouping:0'
NS_FB = 'urn:xmpp:jingle:apps:rtp:rtcp-fb:0'
NS_EXT = 'urn:xmpp:jingle:apps:rtp:rtp-hdrext:0'
NS_SSMA = 'urn:xmpp:jingle:apps:rtp:ssma:0'
NS_EXTDISCO = 'urn:xmpp:extdisco:2'
FEATURES = [NS_JINGLE, NS_RTP, NS_ICE, NS_DTLS, NS_JMI, 'urn:xmpp:jingle:apps:rtp:audio',
            'urn:xmpp:jingle:apps:rtp:video']


def out(event: Dict[str, Any]) -> None:
    print(json.dumps(event), flush=True)


def log(*parts: Any) -> None:
    print(*parts, file=sys.stderr, flush=True)


def spawn(coro: Any) -> None:
    """Runs a task whose failure is written to stderr (the test shows it), not swallowed."""
    async def guarded() -> None:
        try:
            await coro
        except Exception as error:  # reported, the test decides
            log(f'task failed: {type(error).__name__}: {error}')
    asyncio.ensure_future(guarded())


# --- SDP <-> Jingle ------------------------------------------------------------------------------------------

def senders_of(direction: str, initiator_wrote: bool) -> str:
    if direction == 'sendrecv':
        return 'both'
    if direction == 'inactive':
        return 'none'
    sends = direction == 'sendonly'
    return ('initiator' if sends else 'responder') if initiator_wrote else ('responder' if sends else 'initiator')


def direction_of(senders: str, initiator_writes: bool) -> str:
    if senders == 'both':
        return 'sendrecv'
    if senders == 'none':
        return 'inactive'
    own = 'initiator' if initiator_writes else 'responder'
    return 'sendonly' if senders == own else 'recvonly'


def sdp_to_jingle(sdp: str, initiator_wrote: bool, bundle: bool) -> List[ET.Element]:
    """The <content/> elements (and the BUNDLE <group/>, if asked) of an SDP."""
    session: Dict[str, str] = {}
    sections: List[Dict[str, Any]] = []
    for line in sdp.splitlines():
        if line.startswith('m='):
            media, port, _proto, *fmts = line[2:].split()
            sections.append({'media': media, 'port': port, 'fmts': fmts, 'attrs': []})
        elif line.startswith('a='):
            key, _, value = line[2:].partition(':')
            if sections:
                sections[-1]['attrs'].append((key, value))
            else:
                session[key] = value
    elements: List[ET.Element] = []
    for section in sections:
        if section['media'] not in ('audio', 'video') or section['port'] == '0':
            continue
        attrs = section['attrs']
        get = lambda name: next((v for k, v in attrs if k == name), session.get(name))  # noqa: E731
        direction = next((k for k, _ in attrs if k in ('sendrecv', 'sendonly', 'recvonly', 'inactive')), 'sendrecv')
        content = ET.Element(f'{{{NS_JINGLE}}}content', creator='initiator', name=get('mid') or '',
                             senders=senders_of(direction, initiator_wrote))
        desc = ET.SubElement(content, f'{{{NS_RTP}}}description', media=section['media'])
        payloads: Dict[str, ET.Element] = {}
        for fmt in section['fmts']:
            payloads[fmt] = ET.SubElement(desc, f'{{{NS_RTP}}}payload-type', id=fmt)
        for key, value in attrs:
            pt, _, rest = value.partition(' ')
            element = payloads.get(pt)
            if key == 'rtpmap' and element is not None:
                name, rate, *channels = rest.split('/')
                element.set('name', name)
                element.set('clockrate', rate)
                if channels and channels[0] != '1':
                    element.set('channels', channels[0])
            elif key == 'fmtp' and element is not None:
                for part in rest.split(';'):
                    name, eq, val = part.strip().partition('=')
                    ET.SubElement(element, f'{{{NS_RTP}}}parameter', name=name if eq else '', value=val if eq else name)
            elif key == 'rtcp-fb' and element is not None:
                kind, _, sub = rest.partition(' ')
                fb = ET.SubElement(element, f'{{{NS_FB}}}rtcp-fb', type=kind)
                if sub:
                    fb.set('subtype', sub)
            elif key == 'extmap':
                ident = pt.split('/')[0]
                ET.SubElement(desc, f'{{{NS_EXT}}}rtp-hdrext', id=ident, uri=rest)
            elif key == 'ssrc':
                param, _, val = rest.partition(':')
                source = desc.find(f'{{{NS_SSMA}}}source[@ssrc="{pt}"]')
                if source is None:
                    source = ET.SubElement(desc, f'{{{NS_SSMA}}}source', ssrc=pt)
                ET.SubElement(source, f'{{{NS_SSMA}}}parameter', name=param, value=val)
        if get('rtcp-mux') is not None:
            ET.SubElement(desc, f'{{{NS_RTP}}}rtcp-mux')
        transport = ET.SubElement(content, f'{{{NS_ICE}}}transport', ufrag=get('ice-ufrag') or '', pwd=get('ice-pwd') or '')
        hash_name, _, value = (get('fingerprint') or ' ').partition(' ')
        fingerprint = ET.SubElement(transport, f'{{{NS_DTLS}}}fingerprint', hash=hash_name, setup=get('setup') or 'actpass')
        fingerprint.text = value
        for index, (key, value) in enumerate(attrs):
            if key == 'candidate':
                parts = value.split()
                if parts[2].lower() != 'udp':
                    continue
                candidate = ET.SubElement(transport, f'{{{NS_ICE}}}candidate', foundation=parts[0], component=parts[1],
                                          protocol='udp', priority=parts[3], ip=parts[4], port=parts[5], type=parts[7],
                                          generation='0', id=f'py{uuid.uuid4().hex[:8]}{index}')
                if 'raddr' in parts:
                    candidate.set('rel-addr', parts[parts.index('raddr') + 1])
                    candidate.set('rel-port', parts[parts.index('rport') + 1])
        elements.append(content)
    if bundle and 'group' in session:
        group = ET.Element(f'{{{NS_GROUP}}}group', semantics='BUNDLE')
        for name in session['group'].split()[1:]:
            ET.SubElement(group, f'{{{NS_GROUP}}}content', name=name)
        elements.append(group)
    return elements


def candidate_line(candidate: ET.Element) -> str:
    line = (f"candidate:{candidate.get('foundation')} {candidate.get('component')} udp {candidate.get('priority')} "
            f"{candidate.get('ip')} {candidate.get('port')} typ {candidate.get('type')}")
    if candidate.get('rel-addr') and candidate.get('rel-port'):
        line += f" raddr {candidate.get('rel-addr')} rport {candidate.get('rel-port')}"
    return line


def jingle_to_sdp(jingle: ET.Element, initiator_writes: bool, extra: Dict[str, List[str]]) -> str:
    """An SDP for the jingle's contents; `extra` adds trickled candidate lines per content name."""
    lines = ['v=0', 'o=- 1 2 IN IP4 0.0.0.0', 's=-', 't=0 0']
    group = jingle.find(f'{{{NS_GROUP}}}group')
    if group is not None:
        lines.append('a=group:BUNDLE ' + ' '.join(c.get('name', '') for c in group))
    for content in jingle.findall(f'{{{NS_JINGLE}}}content'):
        desc = content.find(f'{{{NS_RTP}}}description')
        transport = content.find(f'{{{NS_ICE}}}transport')
        if desc is None or transport is None:
            continue
        pts = desc.findall(f'{{{NS_RTP}}}payload-type')
        name = content.get('name', '')
        lines += [f"m={desc.get('media')} 9 UDP/TLS/RTP/SAVPF {' '.join(p.get('id', '') for p in pts)}",
                  'c=IN IP4 0.0.0.0', 'a=rtcp:9 IN IP4 0.0.0.0',
                  f"a=ice-ufrag:{transport.get('ufrag')}", f"a=ice-pwd:{transport.get('pwd')}"]
        fingerprint = transport.find(f'{{{NS_DTLS}}}fingerprint')
        if fingerprint is not None:
            lines += [f"a=fingerprint:{fingerprint.get('hash')} {fingerprint.text}", f"a=setup:{fingerprint.get('setup')}"]
        lines += [f'a=mid:{name}', f"a={direction_of(content.get('senders', 'both'), initiator_writes)}"]
        if desc.find(f'{{{NS_RTP}}}rtcp-mux') is not None or group is not None:
            lines.append('a=rtcp-mux')
        for ext in desc.findall(f'{{{NS_EXT}}}rtp-hdrext'):
            lines.append(f"a=extmap:{ext.get('id')} {ext.get('uri')}")
        for pt in pts:
            channels = f"/{pt.get('channels')}" if pt.get('channels') else ''
            lines.append(f"a=rtpmap:{pt.get('id')} {pt.get('name')}/{pt.get('clockrate')}{channels}")
            params = [p.get('value', '') if not p.get('name') else f"{p.get('name')}={p.get('value')}"
                      for p in pt.findall(f'{{{NS_RTP}}}parameter')]
            if params:
                lines.append(f"a=fmtp:{pt.get('id')} {';'.join(params)}")
            for fb in pt.findall(f'{{{NS_FB}}}rtcp-fb'):
                lines.append(f"a=rtcp-fb:{pt.get('id')} {fb.get('type')}" + (f" {fb.get('subtype')}" if fb.get('subtype') else ''))
        for source in desc.findall(f'{{{NS_SSMA}}}source'):
            for param in source.findall(f'{{{NS_SSMA}}}parameter'):
                lines.append(f"a=ssrc:{source.get('ssrc')} {param.get('name')}:{param.get('value')}")
        for candidate in transport.findall(f'{{{NS_ICE}}}candidate'):
            lines.append('a=' + candidate_line(candidate))
        lines += [f'a={line}' for line in extra.get(name, [])]
    return '\r\n'.join(lines) + '\r\n'


# --- media -----------------------------------------------------------------------------------------------------

class Tone(AudioStreamTrack):
    """A 440 Hz tone in the silent track's own 20 ms frames (8 kHz mono; aiortc's Opus encoder resamples).
    Labelling those 160 samples as 48 kHz made the encoder read 960 past the buffer: a crash now and then."""

    def __init__(self) -> None:
        super().__init__()
        self.samples = 0

    async def recv(self) -> av.AudioFrame:
        frame = await super().recv()
        count, rate = frame.samples, frame.sample_rate
        pcm = b''.join(int(8000 * math.sin(2 * math.pi * 440 * (self.samples + i) / rate)).to_bytes(2, 'little', signed=True)
                       for i in range(count))
        self.samples += count
        tone = av.AudioFrame(format='s16', layout='mono', samples=count)
        tone.planes[0].update(pcm)
        tone.sample_rate = rate
        tone.pts = frame.pts
        tone.time_base = frame.time_base
        return tone


class SmallVideo(VideoStreamTrack):
    """320x240 at 10 frames a second (as the reference peer of the calls doc): enough to count frames, light on
    a busy test machine."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0
        self.start: Optional[float] = None

    async def recv(self) -> av.VideoFrame:
        loop = asyncio.get_running_loop()
        if self.start is None:
            self.start = loop.time()
        self.count += 1
        await asyncio.sleep(max(0.0, self.start + self.count / 10 - loop.time()))
        frame = av.VideoFrame(width=320, height=240, format='yuv420p')
        for plane in frame.planes:
            plane.update(bytes([128]) * plane.buffer_size)
        frame.pts = self.count * 9000
        frame.time_base = fractions.Fraction(1, 90000)
        return frame


class Call:
    def __init__(self, sid: str, peer: str, initiator: str, video: bool) -> None:
        self.sid, self.peer, self.initiator, self.video = sid, peer, initiator, video
        self.pc: Optional[RTCPeerConnection] = None
        self.trickled: Dict[str, List[str]] = {}
        self.remote: Optional[ET.Element] = None
        self.counts = {'audio': 0, 'video': 0}
        self.applied = False


class Peer(slixmpp.ClientXMPP):
    def __init__(self, jid: str, password: str, relay_only: bool) -> None:
        super().__init__(jid, password)
        self.relay_only = relay_only
        self.calls: Dict[str, Call] = {}
        for plugin in ('xep_0030', 'xep_0115', 'xep_0199'):
            self.register_plugin(plugin)
        self.add_event_handler('session_start', self.start)
        # slixmpp's own message event fires only for messages with a body; JMI messages have none.
        for action in ('propose', 'proceed', 'reject', 'retract', 'finish'):
            self.register_handler(slixmpp.xmlstream.handler.Callback(
                f'jmi-{action}', slixmpp.xmlstream.matcher.MatchXPath(f'{{{self.default_ns}}}message/{{{NS_JMI}}}{action}'),
                self.on_message))
        self.register_handler(slixmpp.xmlstream.handler.Callback(
            'jingle', slixmpp.xmlstream.matcher.MatchXPath(f'{{{self.default_ns}}}iq/{{{NS_JINGLE}}}jingle'), self.on_iq))

    async def start(self, _event: Any) -> None:
        for feature in FEATURES:
            await self['xep_0030'].add_feature(feature)
        await self['xep_0115'].update_caps()
        self.send_presence()
        await self.get_roster()
        asyncio.ensure_future(self.read_commands())
        asyncio.ensure_future(self.report())
        out({'event': 'ready', 'jid': str(self.boundjid)})

    def jmi(self, to: str, action: str, sid: str, media: Optional[List[str]] = None, reason: Optional[str] = None) -> None:
        message = self.make_message(mto=to, mtype='chat')
        element = ET.SubElement(message.xml, f'{{{NS_JMI}}}{action}', id=sid)
        for kind in media or []:
            ET.SubElement(element, f'{{{NS_RTP}}}description', media=kind)
        if reason:
            ET.SubElement(ET.SubElement(element, f'{{{NS_JINGLE}}}reason'), f'{{{NS_JINGLE}}}{reason}')
        ET.SubElement(message.xml, '{urn:xmpp:hints}store')
        message.send()

    async def ice_servers(self) -> List[RTCIceServer]:
        try:
            iq = self.make_iq_get(ito=self.boundjid.domain)
            iq.append(ET.Element(f'{{{NS_EXTDISCO}}}services'))
            reply = await iq.send(timeout=5)
        except Exception:
            return []
        servers = []
        for service in reply.xml.iter(f'{{{NS_EXTDISCO}}}service'):
            kind, host, port = service.get('type'), service.get('host'), service.get('port')
            if kind == 'turn' and service.get('username'):
                servers.append(RTCIceServer(urls=f'turn:{host}:{port}?transport=udp', username=service.get('username'),
                                            credential=service.get('password')))
            elif kind == 'stun' and not self.relay_only:
                servers.append(RTCIceServer(urls=f'stun:{host}:{port}'))
        return servers

    async def connection(self, call: Call) -> RTCPeerConnection:
        servers = await self.ice_servers()
        pc = RTCPeerConnection(RTCConfiguration(iceServers=servers or None))
        call.pc = pc

        @pc.on('track')
        def on_track(track: Any) -> None:
            async def count() -> None:
                while True:
                    try:
                        await track.recv()
                    except MediaStreamError:
                        return
                    call.counts[track.kind] += 1
            asyncio.ensure_future(count())
            if track.kind == 'video':
                asyncio.ensure_future(self.ask_for_key_frame(pc, call))

        @pc.on('iceconnectionstatechange')
        async def on_ice() -> None:
            log('ice', call.sid, pc.iceConnectionState)

        @pc.on('connectionstatechange')
        async def on_state() -> None:
            log('connection', call.sid, pc.connectionState)
            if pc.connectionState == 'connected':
                out({'event': 'connected', 'sid': call.sid})

        pc.addTrack(Tone())
        if call.video:
            pc.addTrack(SmallVideo())
        return pc

    async def ask_for_key_frame(self, pc: RTCPeerConnection, call: Call) -> None:
        """Video decodes only from a key frame. As libwebrtc's and GStreamer's receivers do, this one asks again
        (RTCP PLI) while packets come and no frame has decoded: aiortc itself asks only when it notices a gap, so a
        first key frame lost before its side of the connection was ready would leave the video dark."""
        while pc.connectionState not in ('closed', 'failed'):
            await asyncio.sleep(1)
            if call.counts['video'] > 0:
                return
            for transceiver in pc.getTransceivers():
                if transceiver.kind != 'video':
                    continue
                for source in transceiver.receiver.getSynchronizationSources():
                    log('asking for a key frame', call.sid)
                    # aiortc has no public call for it; this is the one its receiver uses after a gap.
                    await transceiver.receiver._send_rtcp_pli(source.source)

    def local_sdp(self, call: Call) -> str:
        assert call.pc is not None and call.pc.localDescription is not None
        sdp = call.pc.localDescription.sdp
        if self.relay_only:
            sdp = '\r\n'.join(l for l in sdp.split('\r\n') if not l.startswith('a=candidate') or ' typ relay' in l) + '\r\n'
        return sdp

    async def send_jingle(self, call: Call, action: str, sdp: str, initiator_wrote: bool) -> None:
        iq = self.make_iq_set(ito=call.peer)
        jingle = ET.SubElement(iq.xml, f'{{{NS_JINGLE}}}jingle', action=action, sid=call.sid, initiator=call.initiator)
        if action == 'session-accept':
            jingle.set('responder', str(self.boundjid))
        for element in sdp_to_jingle(sdp, initiator_wrote, bundle=not initiator_wrote):
            jingle.append(element)
        await iq.send(timeout=15)

    async def apply_remote(self, call: Call, kind: str) -> None:
        """Applies the description; one without candidates waits a moment for trickled ones (aiortc fails ICE
        without any), as the other side sends them only after its description was acknowledged."""
        assert call.pc is not None and call.remote is not None
        if call.remote.find(f'.//{{{NS_ICE}}}candidate') is None:
            for _ in range(200):  # up to 10 s on a busy machine; usually the first comes within milliseconds
                if call.trickled:
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.2)
        taken = {mid: len(lines) for mid, lines in call.trickled.items()}
        sdp = jingle_to_sdp(call.remote, kind == 'offer', call.trickled)
        log('applying', kind, 'with candidates', sum(len(v) for v in call.trickled.values()),
            'in description', len(call.remote.findall(f'.//{{{NS_ICE}}}candidate')))
        await call.pc.setRemoteDescription(RTCSessionDescription(sdp=sdp, type=kind))
        # aiortc drops a candidate added before the description gave its transceiver a mid: those that came
        # while the description was applied are added now, later ones as they come.
        pending = [(mid, line) for mid, lines in call.trickled.items() for line in lines[taken.get(mid, 0):]]
        call.applied = True
        for mid, line in pending:
            await self.add_candidate(call, mid, line)
        log('added after the description', len(pending))
        if kind == 'offer':
            await call.pc.setLocalDescription(await call.pc.createAnswer())
            await self.send_jingle(call, 'session-accept', self.local_sdp(call), initiator_wrote=False)

    def on_message(self, msg: Any) -> None:
        for action in ('propose', 'proceed', 'reject', 'retract', 'finish'):
            element = msg.xml.find(f'{{{NS_JMI}}}{action}')
            if element is None:
                continue
            sid, sender = element.get('id', ''), str(msg['from'])
            if action == 'propose' and msg['from'].bare != self.boundjid.bare:
                media = [d.get('media') for d in element.findall(f'{{{NS_RTP}}}description')]
                self.calls[sid] = Call(sid, sender, sender, 'video' in media)
                out({'event': 'incoming', 'sid': sid, 'from': sender, 'media': media})
                self.jmi(sender, 'ringing', sid)
                self.jmi(self.boundjid.bare, 'accept', sid)
                self.jmi(sender, 'proceed', sid)
            elif action == 'proceed' and sid in self.calls:
                spawn(self.offer(self.calls[sid], sender))
            elif action in ('reject', 'retract', 'finish') and sid in self.calls:
                spawn(self.end(sid, action))

    async def offer(self, call: Call, device: str) -> None:
        call.peer = device
        pc = await self.connection(call)
        await pc.setLocalDescription(await pc.createOffer())
        await self.send_jingle(call, 'session-initiate', self.local_sdp(call), initiator_wrote=True)

    def on_iq(self, iq: Any) -> None:
        jingle = iq.xml.find(f'{{{NS_JINGLE}}}jingle')
        if jingle is None:
            return
        action, sid = jingle.get('action'), jingle.get('sid', '')
        call = self.calls.get(sid)
        if call is None or str(iq['from']) != call.peer:
            reply = iq.reply(clear=True)
            reply['type'] = 'error'
            reply['error']['type'] = 'cancel'
            reply['error']['condition'] = 'item-not-found'
            reply.send()
            return
        iq.reply().send()  # ack first, then act
        if action in ('session-initiate', 'session-accept'):
            call.remote = jingle
            spawn(self.answer(call) if action == 'session-initiate' else self.apply_remote(call, 'answer'))
        elif action == 'transport-info':
            for content in jingle.findall(f'{{{NS_JINGLE}}}content'):
                for candidate in content.iter(f'{{{NS_ICE}}}candidate'):
                    line = candidate_line(candidate)
                    call.trickled.setdefault(content.get('name', ''), []).append(line)
                    if call.applied:
                        spawn(self.add_candidate(call, content.get('name', ''), line))
        elif action == 'session-terminate':
            spawn(self.end(sid, 'terminate'))

    async def add_candidate(self, call: Call, mid: str, line: str) -> None:
        assert call.pc is not None
        parsed = candidate_from_sdp(line.split(':', 1)[1])
        parsed.sdpMid = mid
        await call.pc.addIceCandidate(parsed)

    async def answer(self, call: Call) -> None:
        await self.connection(call)
        await self.apply_remote(call, 'offer')

    async def end(self, sid: str, reason: str) -> None:
        call = self.calls.pop(sid, None)
        if call is None:
            return
        out({'event': 'ended', 'sid': sid, 'reason': reason, 'audio': call.counts['audio'], 'video': call.counts['video']})
        if call.pc is not None:
            await call.pc.close()

    async def report(self) -> None:
        while True:
            await asyncio.sleep(0.5)
            for call in self.calls.values():
                out({'event': 'frames', 'sid': call.sid, **call.counts})

    async def read_commands(self) -> None:
        loop = asyncio.get_running_loop()
        while True:
            line = await loop.run_in_executor(None, sys.stdin.readline)
            command = json.loads(line) if line.strip() else {'quit': True}
            if command.get('quit'):
                for sid in list(self.calls):
                    await self.end(sid, 'quit')
                self.disconnect()
                return
            if 'call' in command:
                sid = str(uuid.uuid4())
                video = bool(command['call'].get('video'))
                self.calls[sid] = Call(sid, command['call']['to'], str(self.boundjid), video)
                self.jmi(command['call']['to'], 'propose', sid, ['audio', 'video'] if video else ['audio'])
                out({'event': 'calling', 'sid': sid})
            elif command.get('hangup'):
                for sid, call in list(self.calls.items()):
                    iq = self.make_iq_set(ito=call.peer)
                    jingle = ET.SubElement(iq.xml, f'{{{NS_JINGLE}}}jingle', action='session-terminate', sid=sid,
                                           initiator=call.initiator)
                    ET.SubElement(ET.SubElement(jingle, f'{{{NS_JINGLE}}}reason'), f'{{{NS_JINGLE}}}success')
                    iq.send()
                    self.jmi(call.peer, 'finish', sid, reason='success')
                    await self.end(sid, 'hangup')


def main() -> None:
    faulthandler.enable()  # a crash in a media library shows its Python stack
    host, port, jid, password = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
    peer = Peer(jid, password, '--relay-only' in sys.argv)
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    peer.ssl_context = context
    peer.connect((host, port))
    peer.add_event_handler('disconnected', lambda _e: peer.loop.stop())
    peer.loop.run_forever()


if __name__ == '__main__':
    main()
