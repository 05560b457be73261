// The calls the UI shows, with their media streams and what getStats says of their quality.
import { create } from 'zustand';
import type { Call } from '../../shared/model/call.ts';

export type CallQuality = 'good' | 'fair' | 'poor';

export interface CallMediaStats {
  packetsReceived: number;
  framesDecoded: number;
  audioPacketsReceived: number;
  /** Fraction of packets lost over the last second, 0..1. */
  lossRate: number;
  roundTripMs?: number;
  /** local-remote candidate types of the selected pair, e.g. "relay-relay". */
  path?: string;
}

export interface CallView {
  call: Call;
  local?: MediaStream;
  remote?: MediaStream;
  muted: boolean;
  cameraOff: boolean;
  /** We put the call on hold. */
  held?: boolean;
  quality?: CallQuality;
  stats?: CallMediaStats;
  /** The media could not be had (no microphone, permission refused). */
  mediaError?: string;
}

export const useCallStore = create<{ calls: Record<string, CallView> }>(() => ({ calls: {} }));

export function patchCall(sid: string, patch: Partial<CallView>): void {
  useCallStore.setState((s) => {
    const current = s.calls[sid];
    return current ? { calls: { ...s.calls, [sid]: { ...current, ...patch } } } : s;
  });
}

export function putCall(call: Call): void {
  useCallStore.setState((s) => {
    const current = s.calls[call.sid];
    return {
      calls: { ...s.calls, [call.sid]: current ? { ...current, call } : { call, muted: false, cameraOff: false } },
    };
  });
}

export function dropCall(sid: string): void {
  useCallStore.setState((s) => {
    const { [sid]: _gone, ...rest } = s.calls;
    return { calls: rest };
  });
}

/** From the last second's stats: loss and round trip as Conversations' and Dino's quality hints judge them. */
export function qualityOf(stats: CallMediaStats): CallQuality {
  if (stats.lossRate > 0.1 || (stats.roundTripMs ?? 0) > 600) return 'poor';
  if (stats.lossRate > 0.03 || (stats.roundTripMs ?? 0) > 300) return 'fair';
  return 'good';
}
