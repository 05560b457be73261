import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { consistentColor, hsluvToRgb, hueAngle } from './consistentColor.ts';
import { sha1 } from './sha1.ts';

test('sha1 agrees with node:crypto across block boundaries', () => {
  for (const length of [0, 1, 55, 56, 63, 64, 65, 200]) {
    const input = new Uint8Array(length).map((_, i) => (i * 31 + 7) & 0xff);
    assert.equal(Buffer.from(sha1(input)).toString('hex'), createHash('sha1').update(input).digest('hex'), `length ${length}`);
  }
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
  assert.equal(consistentColor('Romeo'), consistentColor('Romeo'));
  assert.notEqual(consistentColor('Romeo'), consistentColor('juliet@capulet.lit'));
});
