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

function changed(updated: Call): void {
  putCall(updated);
  notifyCall(updated);
  if (updated.phase !== 'ended') return;
  peers.get(updated.sid)?.close();
  peers.delete(updated.sid);
  setTimeout(() => dropCall(updated.sid), ENDED_SHOWN_MS);
}

function failed(sid: string, account: Call['account']) {
  return () => void call('call.hangup', { account, sid }).catch(() => undefined);
}

export function wireCalls(): () => void {
  const offs = [
    bridge.on('call.changed', ({ call: c }) => changed(c)),
    bridge.on('call.offerNeeded', ({ account, sid, media, iceServers }) => {
      const peer = new PeerCall(account, sid, iceServers);
      peers.set(sid, peer);
      peer.offer(media).catch(failed(sid, account));
    }),
    bridge.on('call.remoteDescription', ({ account, sid, type, sdp, media, iceServers }) => {
      let peer = peers.get(sid);
      if (!peer) {
        peer = new PeerCall(account, sid, iceServers);
        peers.set(sid, peer);
      }
      peer.remote(type, sdp, media).catch(failed(sid, account));
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
