import { assert, test } from 'vitest';
import { openableKind } from './openable.ts';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : p)));
const png = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest');
const pdf = bytes('%PDF-1.7\n');
const text = bytes('Gr', [0xc3, 0xbc], 'sse\nline two\t tabbed\r\n');
const mp3 = bytes('ID3', [3, 0, 0]);
const mp4 = bytes([0, 0, 0, 0x18], 'ftypisom');
const exe = bytes('MZ', [0x90, 0, 3, 0]);

test('content and extension must agree on a kind that only shows content', () => {
  assert.strictEqual(openableKind(png, 'cat.png'), 'image');
  assert.strictEqual(openableKind(pdf, 'paper.pdf'), 'pdf');
  assert.strictEqual(openableKind(text, 'notes.txt'), 'text');
  assert.strictEqual(openableKind(mp3, 'song.mp3'), 'audio');
  assert.strictEqual(openableKind(mp4, 'clip.mp4'), 'video');
});

test('programs under any name, and harmless bytes under a program name, are never opened', () => {
  const runnable = ['cpl', 'msc', 'wsf', 'jse', 'vbe', 'pif', 'scf', 'url', 'appref-ms', 'chm', 'iso', 'vhd', 'py'];
  const mac = ['command', 'terminal', 'webloc', 'library-ms', 'exe', 'lnk', 'desktop', 'html', 'svg', 'js'];
  for (const extension of [...runnable, ...mac]) {
    assert.strictEqual(openableKind(text, `harmless.${extension}`), undefined, extension);
    assert.strictEqual(openableKind(png, `picture.${extension}`), undefined, extension);
  }
  assert.strictEqual(openableKind(exe, 'setup.txt'), undefined, 'a program named .txt');
  assert.strictEqual(openableKind(exe, 'photo.png'), undefined, 'a program named .png');
  assert.strictEqual(openableKind(pdf, 'paper.txt'), undefined, 'content and name disagree');
  assert.strictEqual(openableKind(bytes('<svg onload=alert(1)>'), 'drawing.txt'), 'text', 'shown as text, not run');
  assert.strictEqual(openableKind(text, 'README'), undefined, 'no extension');
});
