// One call's RTCPeerConnection: media in the renderer, signalling through the engine (SDP and candidates
// cross the bridge with the call id; the renderer never sees XML).
import type { CallIceServer, CallInfo, CallMedia, SdpType } from '../../shared/model/call.ts';
import type { AccountId } from '../../shared/model/account.ts';
import { call } from '../ipc/client.ts';
import { type CallMediaStats, patchCall, qualityOf } from './callStore.ts';
import { getState } from '../store/index.ts';

const STATS_MS = 1000;

export class PeerCall {
  #pc: RTCPeerConnection | undefined;
  /** The servers the connection was built with (JSON), so the same ones are not set again. */
  #servers = '';
  readonly #account: AccountId;
  readonly #sid: string;
  #remoteSet = false;
  readonly #queued: RTCIceCandidateInit[] = [];
  #local: MediaStream | undefined;
  readonly #remote = new MediaStream();
  #statsTimer: ReturnType<typeof setInterval> | undefined;
  #last = { received: 0, lost: 0 };
  #preparing: Promise<void> | undefined;
  #made: Promise<RTCSessionDescriptionInit> | undefined;
  #offer: Promise<void> | undefined;
  readonly #switches = { muted: false, cameraOff: false, held: false };

  /** Made when the call starts ringing (ours) or is answered (theirs); the connection is built by `connect`. */
  constructor(account: AccountId, sid: string) {
    this.#account = account;
    this.#sid = sid;
  }

  /**
   * The call's connection: built at once (with no servers while ours are still being asked for), given the
   * server's STUN/TURN when they come, before any candidate is gathered. The same servers are not set again:
   * each setting blocks the window's thread on WebRTC's, tens of milliseconds on a busy machine.
   */
  connect(iceServers: CallIceServer[]): RTCPeerConnection {
    const servers = JSON.stringify(iceServers);
    if (this.#pc) {
      if (servers !== this.#servers) this.#pc.setConfiguration(this.#configuration(iceServers));
      this.#servers = servers;
      return this.#pc;
    }
    const account = this.#account;
    const sid = this.#sid;
    const pc = new RTCPeerConnection(this.#configuration(iceServers));
    this.#pc = pc;
    this.#servers = servers;
    pc.onicecandidate = ({ candidate }) => {
      if (candidate?.candidate && candidate.sdpMid !== null)
        void call('call.candidate', { account, sid, candidate: candidate.candidate, sdpMid: candidate.sdpMid }).catch(
          () => undefined,
        );
    };
    pc.ontrack = ({ track }) => {
      track.enabled = !this.#switches.held;
      this.#remote.addTrack(track);
      patchCall(sid, { remote: new MediaStream(this.#remote.getTracks()) });
    };
    pc.onconnectionstatechange = () => {
      const state = pc.connectionState;
      if (state === 'connected') this.#watchStats(pc);
      if (state === 'connected' || state === 'failed' || state === 'disconnected')
        void call('call.connection', { account, sid, state }).catch(() => undefined);
    };
    if (this.#local) void this.#attach(pc, this.#local);
    return pc;
  }

  #configuration(iceServers: CallIceServer[]): RTCConfiguration {
    // Balanced, not max-bundle: Dino does not bundle, and would lose the video otherwise.
    return {
      iceServers,
      bundlePolicy: 'balanced',
      rtcpMuxPolicy: 'require',
      iceTransportPolicy: getState().settings.callsRelayOnly ? 'relay' : 'all',
    };
  }

  /**
   * Opens the microphone (and camera), and adds them to the connection once there is one; once, however
   * often it is asked.
   */
  prepare(media: CallMedia[]): Promise<void> {
    this.#preparing ??= navigator.mediaDevices.getUserMedia({ audio: true, video: media.includes('video') }).then(
      async (stream) => {
        this.#local = stream;
        if (this.#pc) await this.#attach(this.#pc, stream);
        this.#applySwitches();
        patchCall(this.#sid, { local: stream });
      },
      (error: unknown) => {
        patchCall(this.#sid, { mediaError: error instanceof Error ? error.name : String(error) });
        throw error;
      },
    );
    return this.#preparing;
  }

  /** A description made before the devices opened left a sender waiting for each track: it joins it there. */
  async #attach(pc: RTCPeerConnection, stream: MediaStream): Promise<void> {
    for (const track of stream.getTracks()) {
      const waiting = pc
        .getTransceivers()
        .find((t) => t.receiver.track.kind === track.kind && !t.sender.track && t.direction === 'sendrecv');
      if (waiting) await waiting.sender.replaceTrack(track);
      else pc.addTrack(track, stream);
    }
  }

  /**
   * Sets our description and hands it to the engine at once, not once it is set (tens of milliseconds on a busy
   * machine): what the peer sends back meanwhile waits behind this setting in the connection's own queue of
   * operations. A setting that fails rejects, and the call is hung up.
   */
  async #send(pc: RTCPeerConnection, type: SdpType, description: RTCSessionDescriptionInit): Promise<void> {
    const setting = pc.setLocalDescription(description);
    const told = call('call.description', { account: this.#account, sid: this.#sid, type, sdp: description.sdp ?? '' });
    await Promise.all([setting, told]);
  }

  /**
   * Ours, as soon as it is proposed: the connection and its offer are made while our server is asked for
   * STUN/TURN (the offer does not depend on them; only gathering candidates does, which waits for them).
   */
  startOffer(media: CallMedia[]): Promise<RTCSessionDescriptionInit> {
    this.#made ??= (async () => {
      const pc = this.#pc ?? this.connect([]);
      // The offer does not wait for the devices (a camera takes a while to open): their tracks join later.
      void this.prepare(media).catch(() => undefined);
      this.#sendersFor(pc, media);
      return pc.createOffer();
    })();
    return this.#made;
  }

  /**
   * Outgoing, while it rings, once the servers are known: the offer is set (candidates are gathered; they go
   * with it or follow it) and handed to the engine, which sends it the moment the callee answers. Once per
   * call: a callee that answered before the offer was ready gets it as soon as it is.
   */
  prepareOffer(media: CallMedia[], iceServers: CallIceServer[]): Promise<void> {
    this.#offer ??= (async () => {
      const pc = this.connect(iceServers);
      await this.#send(pc, 'offer', await this.startOffer(media));
    })();
    return this.#offer;
  }

  /** The peer's offer (we answer it) or answer. */
  async remote(type: SdpType, sdp: string, media: CallMedia[], iceServers: CallIceServer[]): Promise<void> {
    const pc = this.connect(iceServers);
    await pc.setRemoteDescription({ type, sdp });
    this.#remoteSet = true;
    let answered: Promise<void> = Promise.resolve();
    if (type === 'offer') {
      // Answered now, not when the devices are open: the tracks join their senders when they come.
      void this.prepare(media).catch(() => undefined);
      this.#sendersFor(pc, media);
      answered = this.#send(pc, 'answer', await pc.createAnswer());
    }
    // The candidates that came early join after the answer is made (it does not depend on them), all at once.
    const queued = this.#queued.splice(0).map((candidate) => pc.addIceCandidate(candidate).catch(() => undefined));
    await Promise.all([answered, ...queued]);
  }

  /** A sending transceiver per kind of the call, whether or not its track is there yet. */
  #sendersFor(pc: RTCPeerConnection, media: CallMedia[]): void {
    const transceivers = pc.getTransceivers();
    for (const kind of media) {
      const existing = transceivers.find((t) => t.receiver.track.kind === kind);
      if (!existing) pc.addTransceiver(kind, { direction: 'sendrecv' });
      else if (!existing.sender.track && existing.direction === 'recvonly') existing.direction = 'sendrecv';
    }
  }

  /** Candidates may come before the description they belong to: they wait for it. */
  async candidate(candidate: string, sdpMid: string): Promise<void> {
    const pc = this.#remoteSet ? this.#pc : undefined;
    if (!pc) this.#queued.push({ candidate, sdpMid });
    else await pc.addIceCandidate({ candidate, sdpMid }).catch(() => undefined);
  }

  setMuted(muted: boolean): void {
    this.#switches.muted = muted;
    this.#applySwitches();
    patchCall(this.#sid, { muted });
    this.#tell(muted ? 'mute' : 'unmute');
  }

  setCameraOff(off: boolean): void {
    this.#switches.cameraOff = off;
    this.#applySwitches();
    patchCall(this.#sid, { cameraOff: off });
  }

  /** On hold nothing is sent or heard, both ways; the other side is told (XEP-0167 session-info). */
  setHeld(held: boolean): void {
    this.#switches.held = held;
    this.#applySwitches();
    patchCall(this.#sid, { held });
    this.#tell(held ? 'hold' : 'unhold');
  }

  #applySwitches(): void {
    const { muted, cameraOff, held } = this.#switches;
    for (const track of this.#local?.getAudioTracks() ?? []) track.enabled = !muted && !held;
    for (const track of this.#local?.getVideoTracks() ?? []) track.enabled = !cameraOff && !held;
    for (const track of this.#remote.getTracks()) track.enabled = !held;
  }

  #tell(info: CallInfo): void {
    void call('call.info', { account: this.#account, sid: this.#sid, info }).catch(() => undefined);
  }

  /** Another microphone or camera, swapped in without renegotiating. */
  async useDevice(kind: 'audio' | 'video', deviceId: string): Promise<void> {
    const stream = await navigator.mediaDevices.getUserMedia({ [kind]: { deviceId: { exact: deviceId } } });
    const [track] = kind === 'audio' ? stream.getAudioTracks() : stream.getVideoTracks();
    const sender = this.#pc?.getSenders().find((s) => s.track?.kind === kind);
    if (!track || !sender) return;
    const old = sender.track;
    await sender.replaceTrack(track);
    old?.stop();
    if (this.#local && old) {
      this.#local.removeTrack(old);
      this.#local.addTrack(track);
      patchCall(this.#sid, { local: new MediaStream(this.#local.getTracks()) });
    }
    // A muted microphone (or a call on hold) stays so on the new device.
    this.#applySwitches();
  }

  #watchStats(pc: RTCPeerConnection): void {
    if (this.#statsTimer) return;
    const tick = async (): Promise<void> => {
      const report = await pc.getStats();
      const stats: CallMediaStats = { packetsReceived: 0, framesDecoded: 0, audioPacketsReceived: 0, lossRate: 0 };
      let lost = 0;
      const byId = new Map<string, Record<string, unknown>>();
      report.forEach((entry: Record<string, unknown>) => byId.set(String(entry.id), entry));
      for (const entry of byId.values()) {
        if (entry.type === 'inbound-rtp') {
          stats.packetsReceived += Number(entry.packetsReceived ?? 0);
          lost += Number(entry.packetsLost ?? 0);
          if (entry.kind === 'video') stats.framesDecoded += Number(entry.framesDecoded ?? 0);
          else stats.audioPacketsReceived += Number(entry.packetsReceived ?? 0);
        } else if (entry.type === 'candidate-pair' && entry.nominated && entry.state === 'succeeded') {
          if (typeof entry.currentRoundTripTime === 'number') stats.roundTripMs = entry.currentRoundTripTime * 1000;
          const local = byId.get(String(entry.localCandidateId));
          const remote = byId.get(String(entry.remoteCandidateId));
          stats.path = `${String(local?.candidateType)}-${String(remote?.candidateType)}`;
        }
      }
      const received = stats.packetsReceived - this.#last.received;
      const newlyLost = lost - this.#last.lost;
      stats.lossRate = received + newlyLost > 0 ? Math.max(0, newlyLost) / (received + newlyLost) : 0;
      this.#last = { received: stats.packetsReceived, lost };
      patchCall(this.#sid, { stats, quality: qualityOf(stats) });
    };
    this.#statsTimer = setInterval(() => void tick().catch(() => undefined), STATS_MS);
  }

  close(): void {
    clearInterval(this.#statsTimer);
    for (const track of this.#local?.getTracks() ?? []) track.stop();
    this.#pc?.close();
  }
}
