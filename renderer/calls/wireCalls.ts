// The calls' events from the engine: the store follows them, each running call gets its RTCPeerConnection.
import type { Call } from '../../shared/model/call.ts';
import { bridge, call } from '../ipc/client.ts';
import { dropCall, putCall, useCallStore } from './callStore.ts';
import { PeerCall } from './peerCall.ts';
import { notifyCall, wireCallNotificationActions } from './callNotifications.ts';

/** An ended call stays on screen this long, saying why it ended. */
const ENDED_SHOWN_MS = 4000;
const peers = new Map<string, PeerCall>();

export function peerOf(sid: string): PeerCall | undefined {
  return peers.get(sid);
}

/** The call's connection, made when first needed: devices open while the other side answers or offers. */
function peerFor(c: Pick<Call, 'account' | 'sid'>): PeerCall {
  let peer = peers.get(c.sid);
  if (!peer) {
    peer = new PeerCall(c.account, c.sid);
    peers.set(c.sid, peer);
  }
  return peer;
}

function changed(updated: Call): void {
  putCall(updated);
  notifyCall(updated);
  if (updated.phase === 'ended') {
    peers.get(updated.sid)?.close();
    peers.delete(updated.sid);
    setTimeout(() => dropCall(updated.sid), ENDED_SHOWN_MS);
    return;
  }
  // Ours rings at the other side: the connection and its offer are made meanwhile. We answered theirs: the
  // microphone and camera open now; the connection follows with our server's STUN/TURN (call.preparing).
  if (updated.direction === 'outgoing' && updated.phase === 'proposing')
    peerFor(updated)
      .startOffer(updated.media)
      .catch(() => undefined);
  else if (updated.direction === 'incoming' && updated.phase === 'connecting')
    peerFor(updated)
      .prepare(updated.media)
      .catch(() => undefined);
}

function failed(sid: string, account: Call['account']) {
  return () => void call('call.hangup', { account, sid }).catch(() => undefined);
}

export function wireCalls(): () => void {
  const offs = [
    bridge.on('call.changed', ({ call: c }) => changed(c)),
    bridge.on('call.preparing', ({ account, sid, media, iceServers, offer }) => {
      const peer = peerFor({ account, sid });
      if (offer) peer.prepareOffer(media, iceServers).catch(() => undefined);
      else peer.connect(iceServers);
    }),
    bridge.on('call.offerNeeded', ({ account, sid, media, iceServers }) => {
      peerFor({ account, sid }).prepareOffer(media, iceServers).catch(failed(sid, account));
    }),
    bridge.on('call.remoteDescription', ({ account, sid, type, sdp, media, iceServers }) => {
      peerFor({ account, sid }).remote(type, sdp, media, iceServers).catch(failed(sid, account));
    }),
    bridge.on('call.remoteCandidate', ({ sid, candidate, sdpMid }) => {
      void peers.get(sid)?.candidate(candidate, sdpMid);
    }),
    wireCallNotificationActions((sid) => useCallStore.getState().calls[sid]?.call.account),
  ];
  // A window opened while a call runs shows it.
  void call('call.list', {})
    .then((calls) => {
      for (const c of calls) if (!useCallStore.getState().calls[c.sid]) putCall(c);
    })
    .catch(() => undefined);
  return () => {
    for (const off of offs) off();
  };
}
