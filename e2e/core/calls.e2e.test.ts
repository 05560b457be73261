// Call signalling between real engines through Prosody: every device rings, one answers, the offer, answer
// and candidates cross as Jingle, hang-up ends both; and what strangers and malformed sessions get.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { xml } from '@xmpp/client';
import type { Call } from '../../shared/model/call.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { Core } from '../../electron/core/index.ts';
import { sdpToJingle } from '../../electron/core/modules/calls/sdp.parse.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, makeContacts, newUser, rawClient, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const fixture = (name: string): string =>
  readFileSync(new URL(`../../electron/core/modules/calls/fixtures/${name}`, import.meta.url), 'utf8');
const phase = (core: Core, match: (call: Call) => boolean, timeoutMs = 20_000) =>
  waitForEvent(core, 'call.changed', ({ call }) => match(call), timeoutMs).then(({ call }) => call);

async function capable(caller: TestEngine, callee: TestEngine): Promise<void> {
  await eventually(
    async () =>
      (await caller.core.commands['call.capabilities']({ account: caller.account, peer: callee.account })).video,
    'the callee’s caps say it takes video calls',
    20_000,
  );
}

test('a call rings both devices of the callee; one answers, the other stops; offer, answer and candidates cross; hang-up ends it', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'caller'), await newUser(server, 'callee')];
  const a = await startEngine(server, aUser);
  const desk = await startEngine(server, bUser, { resource: 'desk' });
  const phone = await startEngine(server, bUser, { resource: 'phone' });
  t.after(() => Promise.all([a.close(), desk.close(), phone.close()]));
  await befriend(a, desk, { name: 'Callee' }, { name: 'Caller' });
  await capable(a, desk);

  const ringsDesk = phase(desk.core, (c) => c.phase === 'incoming');
  const ringsPhone = phase(phone.core, (c) => c.phase === 'incoming');
  const ringing = phase(a.core, (c) => c.phase === 'ringing');
  const callerPrepares = waitForEvent(a.core, 'call.preparing', () => true, 20_000);
  const started = await a.core.commands['call.start']({ account: a.account, peer: desk.account, video: true });
  assert.deepEqual(started.media, ['audio', 'video']);
  // The caller's window builds its connection and offer while it rings.
  assert.deepEqual(await callerPrepares, {
    account: a.account,
    sid: started.sid,
    media: ['audio', 'video'],
    iceServers: [],
    offer: true,
  });
  const [atDesk, atPhone] = await Promise.all([ringsDesk, ringsPhone]);
  assert.equal(atDesk.sid, started.sid);
  assert.equal(atPhone.sid, started.sid);
  assert.equal(atDesk.peer, a.account);
  await ringing;

  let phoneGotSession = false;
  phone.core.events.on('call.remoteDescription', () => (phoneGotSession = true));
  phone.core.events.on('call.preparing', () => (phoneGotSession = true));
  const elsewhere = phase(phone.core, (c) => c.phase === 'ended');
  const offerNeeded = waitForEvent(a.core, 'call.offerNeeded', (e) => e.sid === started.sid, 20_000);
  const deskPrepares = waitForEvent(desk.core, 'call.preparing', (e) => e.sid === started.sid, 20_000);
  await desk.core.commands['call.accept']({ account: desk.account, sid: started.sid });
  assert.equal((await elsewhere).reason, 'answered-elsewhere');
  assert.deepEqual((await offerNeeded).media, ['audio', 'video']);
  // The device that answered builds its connection with our server's STUN/TURN before the offer comes.
  const prepared = await deskPrepares;
  assert.equal(prepared.offer, false);
  assert.deepEqual(prepared.media, ['audio', 'video']);

  const offer = fixture('chromium-av-offer.sdp');
  const offerAtDesk = waitForEvent(desk.core, 'call.remoteDescription', (e) => e.sid === started.sid, 20_000);
  await a.core.commands['call.description']({ account: a.account, sid: started.sid, type: 'offer', sdp: offer });
  const receivedOffer = await offerAtDesk;
  assert.equal(receivedOffer.type, 'offer');
  const sent = sdpToJingle(offer, 'initiator');
  const got = sdpToJingle(receivedOffer.sdp, 'initiator');
  assert.deepEqual(
    got.contents.map((c) => c.description),
    sent.contents.map((c) => c.description),
  );
  assert.deepEqual(got.bundle, ['0', '1']);

  const answerAtA = waitForEvent(a.core, 'call.remoteDescription', (e) => e.sid === started.sid, 20_000);
  await desk.core.commands['call.description']({
    account: desk.account,
    sid: started.sid,
    type: 'answer',
    sdp: fixture('chromium-av-answer.sdp'),
  });
  const answer = await answerAtA;
  assert.equal(answer.type, 'answer');
  assert.match(answer.sdp, /a=setup:active/);

  const { offerer } = JSON.parse(fixture('chromium-av-candidates.json')) as {
    offerer: { candidate: string; sdpMid: string }[];
  };
  const udp = offerer.filter((c) => / udp /.test(c.candidate));
  const candidates: string[] = [];
  desk.core.events.on('call.remoteCandidate', (e) => candidates.push(`${e.sdpMid} ${e.candidate}`));
  for (const c of offerer) await a.core.commands['call.candidate']({ account: a.account, sid: started.sid, ...c });
  await eventually(() => candidates.length >= udp.length, 'every UDP candidate at the callee', 20_000);
  for (const c of udp) {
    const [, , , , ip, port] = c.candidate.split(' ');
    assert.ok(
      candidates.some((line) => line.startsWith(`${c.sdpMid} `) && line.includes(` ${ip} ${port} typ`)),
      c.candidate,
    );
  }
  assert.equal(candidates.length, udp.length, 'TCP candidates were not sent');

  const active = phase(a.core, (c) => c.phase === 'active');
  await a.core.commands['call.connection']({ account: a.account, sid: started.sid, state: 'connected' });
  assert.ok((await active).connectedAt);

  const endedAtA = phase(a.core, (c) => c.phase === 'ended');
  await desk.core.commands['call.hangup']({ account: desk.account, sid: started.sid });
  assert.equal((await endedAtA).reason, 'remote-hangup');
  assert.deepEqual(await desk.core.commands['call.list']({}), []);
  assert.equal(phoneGotSession, false, 'the other device never saw the session');
});

test('an offer handed over while it rings goes out at the answer, with the candidates gathered meanwhile inside it', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'caller'), await newUser(server, 'callee')];
  const [a, b] = [await startEngine(server, aUser), await startEngine(server, bUser)];
  t.after(() => Promise.all([a.close(), b.close()]));
  await befriend(a, b, { name: 'Callee' }, { name: 'Caller' });
  await capable(a, b);

  const rings = phase(b.core, (c) => c.phase === 'incoming');
  const started = await a.core.commands['call.start']({ account: a.account, peer: b.account, video: true });
  await rings;
  const account = a.account;
  const sid = started.sid;
  const withoutDtls = fixture('chromium-av-offer.sdp').replace(/^a=fingerprint:.*\r?\n/gm, '');
  await assert.rejects(a.core.commands['call.description']({ account, sid, type: 'offer', sdp: withoutDtls }));
  const offer = fixture('chromium-av-offer.sdp');
  await a.core.commands['call.description']({ account, sid, type: 'offer', sdp: offer });
  const { offerer } = JSON.parse(fixture('chromium-av-candidates.json')) as {
    offerer: { candidate: string; sdpMid: string }[];
  };
  for (const c of offerer) await a.core.commands['call.candidate']({ account, sid, ...c });

  let offersAsked = 0;
  a.core.events.on('call.offerNeeded', () => offersAsked++);
  const trickled: string[] = [];
  b.core.events.on('call.remoteCandidate', (e) => trickled.push(e.candidate));
  const offerAtB = waitForEvent(b.core, 'call.remoteDescription', (e) => e.sid === sid, 20_000);
  await b.core.commands['call.accept']({ account: b.account, sid });
  const received = await offerAtB;
  assert.equal(received.type, 'offer');
  for (const c of offerer.filter((o) => / udp /.test(o.candidate))) {
    const [, , , , ip, port] = c.candidate.split(' ');
    assert.match(received.sdp, new RegExp(`a=candidate:.* ${ip!.replace(/\./g, '\\.')} ${port} typ`), c.candidate);
  }
  assert.deepEqual(trickled, [], 'no candidate came twice');
  assert.equal(offersAsked, 0, 'the offer was not asked for again');
  await assert.rejects(a.core.commands['call.description']({ account, sid, type: 'offer', sdp: offer }));
  await a.core.commands['call.hangup']({ account, sid });
  await phase(b.core, (c) => c.phase === 'ended');
});

test('a declined call and a cancelled call end on both sides', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'caller'), await newUser(server, 'callee')];
  const [a, b] = [await startEngine(server, aUser), await startEngine(server, bUser)];
  t.after(() => Promise.all([a.close(), b.close()]));
  await befriend(a, b, { name: 'B' }, { name: 'A' });
  await capable(a, b);

  let ringing = phase(b.core, (c) => c.phase === 'incoming');
  const first = await a.core.commands['call.start']({ account: a.account, peer: b.account, video: false });
  await ringing;
  const declined = phase(a.core, (c) => c.sid === first.sid && c.phase === 'ended');
  await b.core.commands['call.reject']({ account: b.account, sid: first.sid });
  assert.equal((await declined).reason, 'declined');

  ringing = phase(b.core, (c) => c.phase === 'incoming');
  const second = await a.core.commands['call.start']({ account: a.account, peer: b.account, video: false });
  await ringing;
  const missed = phase(b.core, (c) => c.sid === second.sid && c.phase === 'ended');
  await a.core.commands['call.hangup']({ account: a.account, sid: second.sid });
  assert.equal((await missed).reason, 'missed');

  // Each call is one entry of the chat's history on each side, saying how it ended.
  const entries = async (engine: TestEngine, peer: string) =>
    (await engine.core.commands['chat.history']({ account: engine.account, peer: peer as BareJid, limit: 50 }))
      .filter((m) => m.call)
      .map((m) => `${m.direction} ${m.call?.reason ?? ''} ${m.call?.media.join('+') ?? ''}`);
  await eventually(
    async () => (await entries(a, b.account)).length === 2 && (await entries(b, a.account)).length === 2,
    'the call entries',
  );
  assert.deepEqual(await entries(a, b.account), ['out declined audio', 'out cancelled audio']);
  assert.deepEqual(await entries(b, a.account), ['in declined audio', 'in missed audio']);
  const conversation = (await b.core.commands['chat.conversations']({})).find((c) => c.peer === a.account);
  assert.equal(conversation?.last?.call?.reason, 'missed', 'the chat list shows the missed call');
});

test('strangers do not ring; sessions without an accepted propose, unknown sessions, offers without DTLS and candidate floods are refused', async (t) => {
  const [bUser, strangerUser, contactUser] = [
    await newUser(server, 'callee'),
    await newUser(server, 'stranger'),
    await newUser(server, 'contact'),
  ];
  await makeContacts(server, contactUser, bUser, { name: 'B' }, { name: 'Contact' });
  const b = await startEngine(server, bUser);
  const stranger = await rawClient(server, strangerUser, 'evil');
  const contact = await rawClient(server, contactUser, 'peer');
  t.after(() => Promise.all([b.close(), stranger.stop(), contact.stop()]));
  for (const raw of [stranger, contact]) await raw.send(xml('presence'));
  let rang = 0;
  b.core.events.on('call.changed', ({ call }) => {
    if (call.phase === 'incoming' && call.peer !== contactUser.jid) rang++;
  });
  const bFull = await eventually(async () => {
    const [res] =
      (await b.core.commands['presence.list']({ account: b.account })).find((p) => p.jid === b.account)?.resources ??
      [];
    return res ? `${b.account}/${res.resource}` : undefined;
  }, 'b online');
  let iqs = 0;
  /** 'result', or the error's stanza condition and application condition. */
  const errorOf = async (raw: typeof stranger, payload: ReturnType<typeof xml>): Promise<string> => {
    const id = `j${++iqs}`;
    const reply = await new Promise<ReturnType<typeof xml>>((resolve) => {
      const onStanza = (stanza: ReturnType<typeof xml>): void => {
        if (stanza.name !== 'iq' || stanza.attrs.id !== id) return;
        raw.removeListener('stanza', onStanza);
        resolve(stanza);
      };
      raw.on('stanza', onStanza);
      void raw.send(xml('iq', { type: 'set', to: bFull, id }, payload));
    });
    if (reply.attrs.type === 'result') return 'result';
    return (reply.getChild('error')?.getChildElements() ?? []).map((c) => c.name).join(' ');
  };
  /** An XEP-0353 propose of an audio call to b. */
  const proposeXml = (id: string): ReturnType<typeof xml> =>
    xml(
      'message',
      { to: b.account, type: 'chat' },
      xml(
        'propose',
        { xmlns: 'urn:xmpp:jingle-message:0', id },
        xml('description', { xmlns: 'urn:xmpp:jingle:apps:rtp:1', media: 'audio' }),
      ),
    );
  const offerXml = (sid: string, initiator: string, withDtls: boolean): ReturnType<typeof xml> => {
    const { contents } = sdpToJingle(fixture('chromium-audio-offer.sdp'), 'initiator');
    const c = contents[0];
    assert.ok(c);
    return xml(
      'jingle',
      { xmlns: 'urn:xmpp:jingle:1', action: 'session-initiate', sid, initiator },
      xml(
        'content',
        { creator: 'initiator', name: c.name, senders: 'both' },
        xml(
          'description',
          { xmlns: 'urn:xmpp:jingle:apps:rtp:1', media: 'audio' },
          xml('payload-type', { id: '111', name: 'opus', clockrate: '48000', channels: '2' }),
        ),
        xml(
          'transport',
          { xmlns: 'urn:xmpp:jingle:transports:ice-udp:1', ufrag: 'abcd', pwd: 'abcdefghijklmnopqrstuvwx' },
          withDtls
            ? xml(
                'fingerprint',
                { xmlns: 'urn:xmpp:jingle:apps:dtls:0', hash: 'sha-256', setup: 'actpass' },
                c.transport.fingerprint?.value ?? '',
              )
            : undefined,
        ),
      ),
    );
  };

  // A stranger's session-initiate and propose ring nothing; the propose is a missed call from an unknown address.
  assert.match(await errorOf(stranger, offerXml('s-1', `${strangerUser.jid}/evil`, true)), /^service-unavailable/);
  const missed = phase(b.core, (c) => c.sid === 'stranger-call');
  await stranger.send(proposeXml('stranger-call'));
  const strangerCall = await missed;
  assert.equal(strangerCall.phase, 'ended');
  assert.equal(strangerCall.reason, 'missed');
  assert.equal(strangerCall.stranger, true);
  assert.equal(
    await errorOf(
      stranger,
      xml('jingle', {
        xmlns: 'urn:xmpp:jingle:1',
        action: 'transport-info',
        sid: 'nope',
        initiator: `${strangerUser.jid}/evil`,
      }),
    ),
    'item-not-found unknown-session',
  );

  // A contact's propose rings; after the accept, an offer without a DTLS fingerprint is refused and ends the call.
  const rings = phase(b.core, (c) => c.sid === 'contact-call' && c.phase === 'incoming');
  await contact.send(proposeXml('contact-call'));
  await rings;
  assert.match(
    await errorOf(
      contact,
      xml('jingle', {
        xmlns: 'urn:xmpp:jingle:1',
        action: 'transport-info',
        sid: 'contact-call',
        initiator: `${contactUser.jid}/peer`,
      }),
    ),
    /unexpected-request out-of-order/,
  );
  await b.core.commands['call.accept']({ account: b.account, sid: 'contact-call' });
  const ended = phase(b.core, (c) => c.sid === 'contact-call' && c.phase === 'ended');
  assert.match(await errorOf(contact, offerXml('contact-call', `${contactUser.jid}/peer`, false)), /^bad-request/);
  assert.equal((await ended).reason, 'security-error');

  // A second accepted call with a good offer: a flood of candidates is cut off, the engine stays up.
  const rings2 = phase(b.core, (c) => c.sid === 'flood-call' && c.phase === 'incoming');
  await contact.send(proposeXml('flood-call'));
  await rings2;
  await b.core.commands['call.accept']({ account: b.account, sid: 'flood-call' });
  const offered = waitForEvent(b.core, 'call.remoteDescription', (e) => e.sid === 'flood-call', 20_000);
  assert.equal(await errorOf(contact, offerXml('flood-call', `${contactUser.jid}/peer`, true)), 'result');
  await offered;
  let forwarded = 0;
  b.core.events.on('call.remoteCandidate', () => forwarded++);
  const batch = (from: number) =>
    xml(
      'jingle',
      { xmlns: 'urn:xmpp:jingle:1', action: 'transport-info', sid: 'flood-call', initiator: `${contactUser.jid}/peer` },
      xml(
        'content',
        { creator: 'initiator', name: '0' },
        xml(
          'transport',
          { xmlns: 'urn:xmpp:jingle:transports:ice-udp:1', ufrag: 'abcd', pwd: 'abcdefghijklmnopqrstuvwx' },
          ...Array.from({ length: 50 }, (_, i) =>
            xml('candidate', {
              component: '1',
              foundation: '1',
              generation: '0',
              id: `c${from + i}`,
              ip: '127.0.0.1',
              port: String(20000 + from + i),
              priority: '1',
              protocol: 'udp',
              type: 'host',
            }),
          ),
        ),
      ),
    );
  const answers: string[] = [];
  for (let i = 0; i < 5; i++) answers.push(await errorOf(contact, batch(i * 50)));
  assert.deepEqual(answers.slice(0, 4), ['result', 'result', 'result', 'result']);
  assert.match(answers[4] ?? '', /^resource-constraint/);
  await eventually(() => forwarded === 200, 'the first 200 candidates reached the renderer');
  assert.equal(rang, 0, 'nothing rang for the stranger');
  assert.equal((await b.core.commands['call.list']({})).length, 1);
});

test('two calls crossing each other settle on the lower session id (XEP-0353 tie-break); an unanswered call times out', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'caller'), await newUser(server, 'callee')];
  const a = await startEngine(server, aUser, { core: { callRingMs: 2000 } });
  const b = await startEngine(server, bUser, { core: { callRingMs: 2000 } });
  t.after(() => Promise.all([a.close(), b.close()]));
  await befriend(a, b, { name: 'B' }, { name: 'A' });
  await capable(a, b);
  await capable(b, a);

  const offers: string[] = [];
  for (const engine of [a, b]) engine.core.events.on('call.offerNeeded', (e) => offers.push(e.sid));
  const [fromA, fromB] = await Promise.all([
    a.core.commands['call.start']({ account: a.account, peer: b.account, video: false }),
    b.core.commands['call.start']({ account: b.account, peer: a.account, video: false }),
  ]);
  const winner = fromA.sid < fromB.sid ? fromA.sid : fromB.sid;
  await eventually(() => offers.length === 1, 'one offer asked for');
  assert.deepEqual(offers, [winner], 'only the lower session id goes on, at its caller');
  for (const engine of [a, b])
    await eventually(async () => {
      const running = await engine.core.commands['call.list']({});
      return running.length === 1 && running[0]?.sid === winner && running[0].phase === 'connecting';
    }, 'both sides in the one call');
  const endedAtB = phase(b.core, (c) => c.sid === winner && c.phase === 'ended');
  await a.core.commands['call.hangup']({ account: a.account, sid: winner });
  await endedAtB;

  // Nobody answers: the caller gives up after the ring time, the callee sees a missed call.
  const unanswered = phase(a.core, (c) => c.phase === 'ended' && c.reason === 'no-answer');
  const missed = phase(b.core, (c) => c.phase === 'ended' && c.reason === 'missed' && c.direction === 'incoming');
  const started = await a.core.commands['call.start']({ account: a.account, peer: b.account, video: true });
  assert.equal((await unanswered).sid, started.sid);
  assert.equal((await missed).sid, started.sid);
});

test('a device that acknowledges the propose with a receipt instead of <ringing/> (as Conversations does) shows as ringing', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'caller'), await newUser(server, 'phone')];
  await makeContacts(server, aUser, bUser, { name: 'Phone' }, { name: 'Caller' });
  const a = await startEngine(server, aUser);
  const phone = await rawClient(server, bUser, 'phone');
  t.after(() => Promise.all([a.close(), phone.stop()]));
  phone.on('stanza', (stanza: ReturnType<typeof xml>) => {
    const request = stanza.name === 'message' && stanza.getChild('request', 'urn:xmpp:receipts');
    if (request && stanza.getChild('propose', 'urn:xmpp:jingle-message:0'))
      void phone.send(
        xml(
          'message',
          { to: stanza.attrs.from, id: 'r1' },
          xml('received', { xmlns: 'urn:xmpp:receipts', id: stanza.attrs.id }),
        ),
      );
  });
  await phone.send(xml('presence'));
  await eventually(
    async () => (await a.core.commands['presence.list']({ account: a.account })).some((p) => p.jid === bUser.jid),
    'the phone online',
  );
  const ringing = phase(a.core, (c) => c.phase === 'ringing');
  const started = await a.core.commands['call.start']({ account: a.account, peer: bUser.jid, video: false });
  assert.equal((await ringing).sid, started.sid);
  await a.core.commands['call.hangup']({ account: a.account, sid: started.sid });
});
