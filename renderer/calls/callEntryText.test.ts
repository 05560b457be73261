import { describe, expect, it } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { callEntryText, durationText } from './callEntryText.ts';

describe('call entries in the history', () => {
  const en = translator('en');
  const de = translator('de');
  it('say missed, declined or how long a call lasted, in English and German', () => {
    expect(callEntryText(en, { sid: 's', media: ['audio'], reason: 'missed' }, false)).toBe('Missed audio call');
    expect(callEntryText(de, { sid: 's', media: ['audio', 'video'], reason: 'missed' }, false)).toBe(
      'Verpasster Videoanruf',
    );
    expect(
      callEntryText(en, { sid: 's', media: ['audio', 'video'], reason: 'hangup', durationMs: 133_000 }, true),
    ).toBe('Video call · 02:13');
    expect(callEntryText(en, { sid: 's', media: ['audio'], reason: 'declined' }, true)).toBe('Audio call — Declined');
    expect(callEntryText(en, { sid: 's', media: ['audio'], reason: 'missed', stranger: true }, false)).toBe(
      'Missed call from an address not in your contacts',
    );
    expect(durationText(3_725_000)).toBe('1:02:05');
  });
});
