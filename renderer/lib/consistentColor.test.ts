import { assert, test } from 'vitest';
import { consistentColor, hsluvToRgb, hueAngle } from './consistentColor.ts';
import { sha1 } from './sha1.ts';

const hex = (bytes: Uint8Array): string => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const text = (s: string): Uint8Array => new TextEncoder().encode(s);

test('sha1 matches the RFC 3174 / FIPS 180 vectors, across block boundaries', () => {
  assert.strictEqual(hex(sha1(text(''))), 'da39a3ee5e6b4b0d3255bfef95601890afd80709');
  assert.strictEqual(hex(sha1(text('abc'))), 'a9993e364706816aba3e25717850c26c9cd0d89d');
  assert.strictEqual(
    hex(sha1(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'))),
    '84983e441c3bd26ebaae4aa1f95129e5e54670f1',
  );
  assert.strictEqual(hex(sha1(text('a'.repeat(1_000_000)))), '34aa973cd4c4daa4f61eeb2bdbad27316534016f');
});

// XEP-0392 §Test Vectors, no colour-vision-deficiency correction.
const vectors: [string, number, [number, number, number]][] = [
  ['Romeo', 327.255249, [0.865, 0.0, 0.686]],
  ['juliet@capulet.lit', 209.4104, [0.0, 0.515, 0.573]],
  ['😺', 331.199341, [0.872, 0.0, 0.659]],
  ['council', 359.994507, [0.918, 0.0, 0.394]],
  ['Board', 171.430664, [0.0, 0.527, 0.457]],
];

test('hue angles and colours match the XEP-0392 test vectors', () => {
  for (const [text, angle, rgb] of vectors) {
    assert.ok(Math.abs(hueAngle(text) - angle) < 1e-5, `${text}: angle ${hueAngle(text)}`);
    const got = hsluvToRgb(angle, 100, 50);
    got.forEach((c, i) => assert.ok(Math.abs(c - (rgb[i] ?? 0)) < 0.002, `${text}: rgb ${got.join(',')}`));
  }
  assert.strictEqual(consistentColor('Romeo'), consistentColor('Romeo'));
  assert.notStrictEqual(consistentColor('Romeo'), consistentColor('juliet@capulet.lit'));
});
