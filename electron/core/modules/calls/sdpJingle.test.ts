// The SDP ⇄ Jingle converter on offers and answers Debian's Chromium wrote (fixtures/, captured with fake devices).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { stanzaFromText } from '../../xmpp/stanzaText.ts';
import { el } from '../../xmpp/stanza.ts';
import { candidateLine, parseCandidateLine } from './candidate.ts';
import { candidateElement, descriptionElements } from './jingle.build.ts';
import { NS_JINGLE } from './jingle.ns.ts';
import { parseCandidate, parseJingleDescription } from './jingle.parse.ts';
import { type JingleDescription, SdpError } from './jingle.types.ts';
import { sdpToJingle } from './sdp.parse.ts';
import { jingleToSdp } from './sdp.write.ts';

const fixture = (name: string): string => readFileSync(new URL(`fixtures/${name}`, import.meta.url), 'utf8');
const offerAv = fixture('chromium-av-offer.sdp');
const answerAv = fixture('chromium-av-answer.sdp');
const candidates = JSON.parse(fixture('chromium-av-candidates.json')) as {
  offerer: { candidate: string; sdpMid: string }[];
};

/** Through XML text and back, as the peer's client reads what we send. */
function overTheWire(session: JingleDescription): JingleDescription {
  const jingle = el('jingle', NS_JINGLE, { action: 'session-initiate', sid: 's1' }, ...descriptionElements(session));
  return parseJingleDescription(stanzaFromText(jingle.toString()));
}

test('a Chromium audio + video offer becomes Jingle contents with every payload type, parameter, feedback and source', () => {
  const session = sdpToJingle(offerAv, 'initiator');
  assert.deepEqual(session.bundle, ['0', '1']);
  const [audio, video] = session.contents;
  assert.ok(audio && video);
  assert.equal(audio.name, '0');
  assert.equal(audio.senders, 'both');
  assert.deepEqual(
    audio.description.payloadTypes.map((pt) => `${pt.id}:${pt.name}`),
    ['111:opus', '63:red', '9:G722', '0:PCMU', '8:PCMA', '13:CN', '110:telephone-event', '126:telephone-event'],
  );
  const opus = audio.description.payloadTypes[0];
  assert.deepEqual(opus?.parameters, [
    { name: 'minptime', value: '10' },
    { name: 'useinbandfec', value: '1' },
  ]);
  assert.equal(opus?.channels, 2);
  assert.deepEqual(opus?.feedback, [{ type: 'transport-cc' }]);
  assert.deepEqual(audio.description.payloadTypes[1]?.parameters, [{ name: '', value: '111/111' }], 'nameless fmtp');
  assert.equal(video.description.payloadTypes.length, 23);
  assert.deepEqual(video.description.payloadTypes[0]?.feedback, [
    { type: 'goog-remb' },
    { type: 'transport-cc' },
    { type: 'ccm', subtype: 'fir' },
    { type: 'nack' },
    { type: 'nack', subtype: 'pli' },
  ]);
  assert.deepEqual(video.description.payloadTypes[1]?.parameters, [{ name: 'apt', value: '96' }]);
  assert.ok(
    video.description.payloadTypes.some((pt) => pt.id === 45 && pt.name === 'AV1'),
    'ids below 96 are kept',
  );
  assert.equal(audio.description.extensions.find((e) => e.id === 4)?.uri, 'urn:ietf:params:rtp-hdrext:sdes:mid');
  assert.equal(video.description.extmapAllowMixed, true, 'the session-level extmap-allow-mixed reaches each content');
  assert.equal(video.description.rtcpMux, true);
  assert.equal(video.description.ssrcGroups[0]?.semantics, 'FID');
  assert.equal(video.description.ssrcGroups[0]?.ssrcs.length, 2);
  for (const source of [...audio.description.sources, ...video.description.sources]) {
    assert.ok(source.parameters.some((p) => p.name === 'cname'));
    assert.ok(
      source.parameters.some((p) => p.name === 'msid'),
      'the media-level msid is carried per source',
    );
  }
  assert.equal(audio.transport.fingerprint?.setup, 'actpass');
  assert.equal(audio.transport.fingerprint?.hash, 'sha-256');
  assert.match(audio.transport.fingerprint?.value ?? '', /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  assert.ok(audio.transport.ufrag && audio.transport.pwd);
});

test('offers and answers survive SDP → Jingle XML → SDP → Jingle unchanged, for both authors', () => {
  for (const [sdp, author] of [
    [offerAv, 'initiator'],
    [answerAv, 'responder'],
    [fixture('chromium-audio-offer.sdp'), 'initiator'],
    [fixture('chromium-audio-answer.sdp'), 'responder'],
  ] as const) {
    const session = sdpToJingle(sdp, author);
    const received = overTheWire(session);
    assert.deepEqual(received, session, 'the XML carries everything');
    const again = sdpToJingle(jingleToSdp(received, author), author);
    assert.deepEqual(again, session, 'the written SDP reads back the same');
  }
  assert.equal(sdpToJingle(answerAv, 'responder').contents[0]?.transport.fingerprint?.setup, 'active');
});

test('directions map to senders relative to the initiator, for offers and answers, and back', () => {
  const audioOffer = fixture('chromium-audio-offer.sdp');
  const cases = [
    ['sendonly', 'initiator', 'initiator'],
    ['recvonly', 'initiator', 'responder'],
    ['sendonly', 'responder', 'responder'],
    ['recvonly', 'responder', 'initiator'],
    ['inactive', 'responder', 'none'],
    ['sendrecv', 'initiator', 'both'],
  ] as const;
  for (const [direction, author, senders] of cases) {
    const sdp = audioOffer.replace('a=sendrecv', `a=${direction}`);
    const session = sdpToJingle(sdp, author);
    assert.equal(session.contents[0]?.senders, senders, `${direction} written by the ${author}`);
    assert.match(jingleToSdp(session, author), new RegExp(`\r\na=${direction}\r\n`));
  }
  // The responder reads the initiator's "initiator sends" as its own recvonly.
  const initiatorOnly = sdpToJingle(audioOffer.replace('a=sendrecv', 'a=sendonly'), 'initiator');
  assert.match(jingleToSdp(initiatorOnly, 'responder'), /\r\na=recvonly\r\n/);
});

test('a header extension with a direction keeps it as senders', () => {
  const sdp = offerAv.replace(
    'a=extmap:4 urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendrecv',
    'a=extmap:4/sendonly urn:ietf:params:rtp-hdrext:sdes:mid\r\na=sendrecv',
  );
  const session = sdpToJingle(sdp, 'responder');
  assert.equal(session.contents[0]?.description.extensions.find((e) => e.id === 4)?.senders, 'responder');
  assert.match(jingleToSdp(session, 'responder'), /a=extmap:4\/sendonly urn:ietf:params:rtp-hdrext:sdes:mid/);
  assert.match(jingleToSdp(session, 'initiator'), /a=extmap:4\/recvonly urn:ietf:params:rtp-hdrext:sdes:mid/);
});

test('trickled Chromium candidates become XEP-0176 candidates and come back as lines; TCP and garbage are dropped', () => {
  const udp = candidates.offerer.filter(({ candidate }) => / udp /.test(candidate));
  assert.ok(udp.length >= 2 && udp.length < candidates.offerer.length, 'Chromium gathered UDP and TCP candidates');
  for (const { candidate } of candidates.offerer) {
    const parsed = parseCandidateLine(candidate);
    if (!/ udp /.test(candidate)) {
      assert.equal(parsed, undefined, 'a TCP candidate has no place in ICE-UDP');
      continue;
    }
    assert.ok(parsed, candidate);
    assert.match(parsed.id, /^[A-Za-z_][\w.-]*$/, 'the id is an NCName');
    const back = parseCandidate(stanzaFromText(candidateElement(parsed).toString()));
    assert.deepEqual(back, parsed);
    const line = candidateLine(parsed, '3ABz');
    assert.ok(candidate.startsWith(line.split(' generation')[0] ?? ''), line);
    assert.match(line, / ufrag 3ABz/);
  }
  const relay = parseCandidateLine(
    'candidate:842163049 1 udp 1677729535 127.0.0.1 49152 typ relay raddr 127.0.0.1 rport 40000 generation 0',
  );
  assert.equal(relay?.relAddr, '127.0.0.1');
  assert.equal(relay?.relPort, 40000);
  assert.match(candidateLine(relay ?? assert.fail()), /typ relay raddr 127\.0\.0\.1 rport 40000/);
  // Chromium hides the base of a relay candidate when relaying only: "raddr 0.0.0.0 rport 0" is kept whole.
  const hidden = parseCandidateLine(
    'candidate:9 1 udp 41885439 127.0.0.1 20055 typ relay raddr 0.0.0.0 rport 0 generation 0',
  );
  assert.equal(hidden?.relPort, 0);
  assert.deepEqual(parseCandidate(stanzaFromText(candidateElement(hidden ?? assert.fail()).toString())), hidden);
  assert.equal(
    parseCandidateLine('candidate:9 1 udp 41885439 127.0.0.1 20055 typ relay raddr 0.0.0.0')?.relAddr,
    undefined,
  );
  assert.equal(parseCandidateLine('candidate:1 1 tcp 1518280447 127.0.0.1 9 typ host tcptype active'), undefined);
  assert.equal(
    parseCandidateLine('candidate:1 1 udp 1 abc.local 5000 typ host'),
    undefined,
    'mDNS names are not carried',
  );
  assert.equal(parseCandidateLine('candidate:1 1 udp 1 127.0.0.1 70000 typ host'), undefined);
});

test('a bundled content without rtcp-mux is written with it (libwebrtc requires it)', () => {
  const session = sdpToJingle(offerAv, 'initiator');
  for (const c of session.contents) c.description.rtcpMux = false;
  assert.equal(jingleToSdp(session, 'initiator').match(/a=rtcp-mux/g)?.length, 2);
  delete session.bundle;
  assert.equal(jingleToSdp(session, 'initiator').match(/a=rtcp-mux/g), null);
});

test('descriptions without DTLS, with values that would inject SDP lines, or flooded are refused', () => {
  assert.throws(() => sdpToJingle(offerAv.replace(/a=fingerprint:[^\r\n]*\r\n/g, ''), 'initiator'), SdpError);
  const session = sdpToJingle(offerAv, 'initiator');
  const xml = el('jingle', NS_JINGLE, {}, ...descriptionElements(session)).toString();
  assert.throws(
    () => parseJingleDescription(stanzaFromText(xml.replace('value="10"', 'value="10&#10;a=candidate:x"'))),
    SdpError,
  );
  const noDtls = stanzaFromText(xml.replace(/<fingerprint[^>]*>[^<]*<\/fingerprint>/g, ''));
  assert.throws(() => jingleToSdp(parseJingleDescription(noDtls), 'initiator'), /DTLS/);
  const flood = Array.from({ length: 65 }, (_, i) =>
    candidateElement({
      ...(session.contents[0]?.transport.candidates[0] ?? {
        component: 1,
        foundation: '1',
        generation: 0,
        id: 'c',
        ip: '127.0.0.1',
        port: 1000,
        priority: 1,
        protocol: 'udp',
        type: 'host',
      }),
      id: `c${i}`,
    }).toString(),
  ).join('');
  assert.throws(
    () => parseJingleDescription(stanzaFromText(xml.replace('</transport>', `${flood}</transport>`))),
    /Too many/,
  );
  const badUfrag = xml.replace(/ufrag="[^"]*"/, 'ufrag="a b"');
  assert.throws(() => jingleToSdp(parseJingleDescription(stanzaFromText(badUfrag)), 'initiator'), /ICE credentials/);
});
