// What a call's entry in the chat history says: missed, declined, how long it lasted.
import type { CallSummary } from '../../shared/model/call.ts';
import type { Translate } from '../i18n/translate.ts';

/** Whole seconds gone (a running clock never shows a second early): 02:13, or 1:02:05 past an hour. */
export function durationText(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const mm = String(Math.floor(s / 60) % 60).padStart(2, '0');
  const ss = String(s % 60).padStart(2, '0');
  return s >= 3600 ? `${Math.floor(s / 3600)}:${mm}:${ss}` : `${mm}:${ss}`;
}

export function callEntryText(t: Translate, call: CallSummary, own: boolean): string {
  const video = call.media.includes('video');
  if (call.stranger) return t('call.history.stranger');
  if (call.reason === 'missed' && !own) return t(video ? 'call.history.missedVideo' : 'call.history.missedAudio');
  const kind = t(video ? 'call.video' : 'call.audio');
  if (call.durationMs !== undefined) return t('call.history.lasted', { kind, duration: durationText(call.durationMs) });
  const outcome: Record<CallSummary['reason'], string> = {
    hangup: t('call.history.notConnected'),
    'remote-hangup': t('call.history.notConnected'),
    declined: t('call.end.declined'),
    busy: t('call.history.busy'),
    cancelled: t('call.end.cancelled'),
    missed: t('call.end.missed'),
    'no-answer': t('call.end.no-answer'),
    'answered-elsewhere': t('call.end.answered-elsewhere'),
    'declined-elsewhere': t('call.end.declined-elsewhere'),
    moved: t('call.end.moved'),
    'connectivity-error': t('call.end.connectivity-error'),
    failed: t('call.end.failed'),
    'security-error': t('call.history.security'),
    replaced: t('call.history.notConnected'),
  };
  return t('call.history.outcome', { kind, outcome: outcome[call.reason] });
}
