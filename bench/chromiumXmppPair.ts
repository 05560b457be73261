// The smallest Chromium client that signals its calls through XMPP: two bare Chromium pages (the app's flags and
// fake devices), each driven by a bare @xmpp/client, ringing with XEP-0353 (propose → proceed) and handing
// offer, answer and trickled candidates over the same private server. No engine, no UI, no Jingle conversion
// (the SDP travels as text): what any Chromium-based client's set-up needs here at least.
import { randomUUID } from 'node:crypto';
import { xml } from '@xmpp/client';
import type { Page } from 'playwright-core';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import { newUser } from '../e2e/helpers/accounts.ts';
import { bareLogin, type BareClient } from './floor.ts';
import { runInPage, withBarePages } from './chromiumPair.ts';

const NS_JMI = 'urn:xmpp:jingle-message:0';
const NS_FLOOR = 'urn:jabberdesk:bench:call-floor';
const NS_RTP = 'urn:xmpp:jingle:apps:rtp:1';

// Runs in each page: one RTCPeerConnection per call; each candidate goes out at once through `signal`. As the
// app does, offer and answer do not wait for the devices: their tracks join the senders when they open.
const PAGE_SCRIPT = `
window.bench = {
  open(video) {
    const pc = new RTCPeerConnection({ bundlePolicy: 'balanced', rtcpMuxPolicy: 'require' });
    pc.onicecandidate = (e) => { if (e.candidate) void window.signal({ candidate: e.candidate.candidate, sdpMid: e.candidate.sdpMid }); };
    const connected = new Promise((resolve) => { pc.onconnectionstatechange = () => pc.connectionState === 'connected' && resolve(); });
    const media = navigator.mediaDevices.getUserMedia({ audio: true, video });
    this.call = { pc, queued: this.early ?? [], connected, media, kinds: video ? ['audio', 'video'] : ['audio'] };
    this.early = undefined;
    media.then((stream) => { this.call.stream = stream; });
  },
  attach() {
    const { pc, media } = this.call;
    void media.then((stream) => {
      for (const track of stream.getTracks())
        pc.getTransceivers().find((t) => t.receiver.track.kind === track.kind && !t.sender.track)?.sender.replaceTrack(track);
    });
  },
  async offer() {
    for (const kind of this.call.kinds) this.call.pc.addTransceiver(kind, { direction: 'sendrecv' });
    this.attach();
    const o = await this.call.pc.createOffer(); await this.call.pc.setLocalDescription(o); return o.sdp;
  },
  async answer(sdp) {
    await this.remote('offer', sdp);
    for (const t of this.call.pc.getTransceivers()) t.direction = 'sendrecv';
    this.attach();
    const a = await this.call.pc.createAnswer(); await this.call.pc.setLocalDescription(a); return a.sdp;
  },
  async remote(type, sdp) {
    await this.call.pc.setRemoteDescription({ type, sdp });
    for (const c of this.call.queued.splice(0)) await this.call.pc.addIceCandidate(c).catch(() => undefined);
  },
  async add(c) {
    if (!this.call) (this.early ??= []).push(c);
    else if (!this.call.pc.remoteDescription) this.call.queued.push(c);
    else await this.call.pc.addIceCandidate(c).catch(() => undefined);
  },
  connected() { return this.call.connected; },
  async close() { this.call.pc.close(); for (const t of (await this.call.media).getTracks()) t.stop(); this.call = undefined; },
};`;

type Method = 'open' | 'offer' | 'answer' | 'remote' | 'add' | 'connected' | 'close';
const run = <T = unknown>(page: Page, method: Method, ...args: unknown[]): Promise<T> =>
  runInPage<T>(page, method, ...args);

interface Stanza {
  name: string;
  attrs: Record<string, string>;
  getChild(name: string, ns?: string): Stanza | undefined;
  getChildText(name: string): string | null;
}

interface Side {
  page: Page;
  xmpp: BareClient;
  /** The other side's full JID. */
  peer: string;
  /** The running call's id, its offer (caller) or opened devices (callee), and the first error. */
  sid?: string | undefined;
  ready?: Promise<unknown>;
  failed?: (error: unknown) => void;
}

const jingle = (to: string, action: string, sid: string, ...payload: ReturnType<typeof xml>[]): unknown =>
  xml('iq', { to, type: 'set', id: randomUUID() }, xml('jingle', { xmlns: NS_FLOOR, action, sid }, ...payload));

/** What one side does with what arrives: ring and proceed, send the offer, answer, take candidates. */
async function onStanza(side: Side, stanza: Stanza, video: boolean): Promise<void> {
  const jmi =
    stanza.name === 'message' ? (stanza.getChild('propose', NS_JMI) ?? stanza.getChild('proceed', NS_JMI)) : undefined;
  if (jmi?.name === 'propose') {
    side.sid = jmi.attrs.id ?? '';
    await side.xmpp.send(
      xml('message', { to: side.peer, type: 'chat' }, xml('proceed', { xmlns: NS_JMI, id: side.sid })),
    );
    side.ready = run(side.page, 'open', video);
    return;
  }
  if (jmi?.name === 'proceed' && side.sid && jmi.attrs.id === side.sid) {
    const offer = await (side.ready as Promise<string>);
    await side.xmpp.send(jingle(side.peer, 'session-initiate', side.sid, xml('sdp', {}, offer)));
    return;
  }
  const floor = stanza.name === 'iq' && stanza.attrs.type === 'set' ? stanza.getChild('jingle', NS_FLOOR) : undefined;
  if (!floor) return;
  await side.xmpp.send(xml('iq', { to: stanza.attrs.from ?? '', type: 'result', id: stanza.attrs.id ?? '' }));
  // A late candidate of the last call changes nothing in this one.
  if (!side.sid || floor.attrs.sid !== side.sid) return;
  const sdp = floor.getChildText('sdp') ?? '';
  if (floor.attrs.action === 'session-initiate') {
    await side.ready;
    const answer = await run<string>(side.page, 'answer', sdp);
    await side.xmpp.send(jingle(side.peer, 'session-accept', side.sid, xml('sdp', {}, answer)));
  } else if (floor.attrs.action === 'session-accept') await run(side.page, 'remote', 'answer', sdp);
  else if (floor.attrs.action === 'transport-info')
    await run(side.page, 'add', { candidate: floor.getChildText('candidate'), sdpMid: floor.getChildText('mid') });
}

/** One call, timed from the propose until the caller's connection is up (as the app's is timed). */
async function oneCall(a: Side, b: Side, video: boolean): Promise<number> {
  const sid = randomUUID();
  const failed = new Promise<never>((_, reject) => (a.failed = b.failed = reject));
  const started = performance.now();
  a.sid = sid;
  const media = video ? ['audio', 'video'] : ['audio'];
  await a.xmpp.send(
    xml(
      'message',
      { to: a.peer, type: 'chat' },
      xml('propose', { xmlns: NS_JMI, id: sid }, ...media.map((m) => xml('description', { xmlns: NS_RTP, media: m }))),
    ),
  );
  a.ready = run(a.page, 'open', video).then(() => run<string>(a.page, 'offer'));
  await Promise.race([a.ready.then(() => run(a.page, 'connected')), failed]);
  const elapsed = performance.now() - started;
  await Promise.all([run(a.page, 'close'), b.ready?.then(() => run(b.page, 'close'))]);
  a.sid = b.sid = undefined;
  return elapsed;
}

/** Set-up times of `runs` calls between the two bare clients, each started once the last one is closed. */
export async function chromiumXmppPairSetups(server: ProsodyServer, video: boolean, runs: number): Promise<number[]> {
  const users = [await newUser(server, 'floor-call-a'), await newUser(server, 'floor-call-b')] as const;
  const clients: BareClient[] = [];
  try {
    for (const user of users) clients.push(await bareLogin(server, user, 'floor'));
    return await withBarePages(PAGE_SCRIPT, async (pages) => {
      const sides: Side[] = [];
      for (const [i, page] of pages.entries()) {
        const side: Side = { page, xmpp: clients[i] as BareClient, peer: `${users[1 - i]?.jid ?? ''}/floor` };
        // Each candidate goes to the other side as soon as the page has it (the app trickles too).
        await page.exposeFunction('signal', ({ candidate, sdpMid }: { candidate: string; sdpMid: string }) => {
          if (side.sid)
            side.xmpp
              .send(
                jingle(side.peer, 'transport-info', side.sid, xml('candidate', {}, candidate), xml('mid', {}, sdpMid)),
              )
              .catch((error: unknown) => side.failed?.(error));
        });
        side.xmpp.on('stanza', (stanza) => {
          onStanza(side, stanza as unknown as Stanza, video).catch((error: unknown) => side.failed?.(error));
        });
        sides.push(side);
      }
      const [a, b] = sides as [Side, Side];
      const times: number[] = [];
      for (let i = 0; i < runs; i++) times.push(await oneCall(a, b, video));
      return times;
    });
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
  }
}
