// XEP-0392 Consistent Color Generation: SHA-1 → hue angle → HSLuv(hue, 100, 50) → sRGB.
import { sha1 } from './sha1.ts';

/** The hue angle in degrees for a string (a bare JID or a nickname). */
export function hueAngle(text: string): number {
  const digest = sha1(new TextEncoder().encode(text));
  return (((digest[0] ?? 0) + (digest[1] ?? 0) * 256) / 65536) * 360;
}

// sRGB ↔ XYZ matrix, CIE constants and the D65 white point in u'v', as HSLuv defines them.
const M = [
  [3.240969941904521, -1.537383177570093, -0.498610760293],
  [-0.96924363628087, 1.87596750150772, 0.041555057407175],
  [0.055630079696993, -0.20397695888897, 1.056971514242878],
] as const;
const KAPPA = 903.2962962;
const EPSILON = 0.0088564516;
const REF_U = 0.19783000664283;
const REF_V = 0.46831999493879;

/** The largest chroma that stays inside sRGB for this lightness and hue. */
function maxChroma(l: number, hueRadians: number): number {
  const sub1 = (l + 16) ** 3 / 1560896;
  const sub2 = sub1 > EPSILON ? sub1 : l / KAPPA;
  let best = Number.POSITIVE_INFINITY;
  for (const [m1, m2, m3] of M) {
    for (const t of [0, 1]) {
      const top1 = (284517 * m1 - 94839 * m3) * sub2;
      const top2 = (838422 * m3 + 769860 * m2 + 731718 * m1) * l * sub2 - 769860 * t * l;
      const bottom = (632260 * m3 - 126452 * m2) * sub2 + 126452 * t;
      const length = top2 / bottom / (Math.sin(hueRadians) - (top1 / bottom) * Math.cos(hueRadians));
      if (length >= 0) best = Math.min(best, length);
    }
  }
  return best;
}

const gamma = (c: number): number => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

/** HSLuv to sRGB components in 0..1. */
export function hsluvToRgb(hue: number, saturation: number, lightness: number): [number, number, number] {
  if (lightness > 99.9999999) return [1, 1, 1];
  if (lightness < 0.00000001) return [0, 0, 0];
  const h = (hue / 180) * Math.PI;
  const chroma = (maxChroma(lightness, h) / 100) * saturation;
  const u = Math.cos(h) * chroma;
  const v = Math.sin(h) * chroma;
  const varU = u / (13 * lightness) + REF_U;
  const varV = v / (13 * lightness) + REF_V;
  const y = lightness <= 8 ? lightness / KAPPA : ((lightness + 16) / 116) ** 3;
  const x = -(9 * y * varU) / ((varU - 4) * varV - varU * varV);
  const z = (9 * y - 15 * varV * y - varV * x) / (3 * varV);
  const clamp = (c: number): number => Math.min(1, Math.max(0, c));
  const [r, g, b] = M.map(([a, bb, c]) => clamp(gamma(a * x + bb * y + c * z)));
  return [r ?? 0, g ?? 0, b ?? 0];
}

const cache = new Map<string, string>();

/** A CSS colour for a JID or nickname, the same in every XEP-0392 client. */
export function consistentColor(text: string): string {
  let color = cache.get(text);
  if (!color) {
    const [r, g, b] = hsluvToRgb(hueAngle(text), 100, 50);
    color = `rgb(${Math.round(r * 255)} ${Math.round(g * 255)} ${Math.round(b * 255)})`;
    if (cache.size > 5000) cache.clear();
    cache.set(text, color);
  }
  return color;
}
