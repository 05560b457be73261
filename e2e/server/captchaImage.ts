// ejabberd's captcha_cmd for the tests: draws the key it is given as a PNG on stdout (what a real
// captcha command does) and appends the key to a file, so a test can read the answer as a person would.
import { appendFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { PNG_SIGNATURE, pngChunk } from '../helpers/png.ts';

const [key = '', answers = ''] = process.argv.slice(2);
if (answers) appendFileSync(answers, `${key}\n`);

// 3×5 digits, one row of bits per string; other characters are drawn as a block.
const GLYPHS: Record<string, string[]> = {
  '0': ['111', '101', '101', '101', '111'],
  '1': ['010', '110', '010', '010', '111'],
  '2': ['111', '001', '111', '100', '111'],
  '3': ['111', '001', '111', '001', '111'],
  '4': ['101', '101', '111', '001', '001'],
  '5': ['111', '100', '111', '001', '111'],
  '6': ['111', '100', '111', '101', '111'],
  '7': ['111', '001', '010', '010', '010'],
  '8': ['111', '101', '111', '101', '111'],
  '9': ['111', '101', '111', '001', '111'],
};
const SCALE = 8;
const width = (key.length * 4 + 1) * SCALE;
const height = 7 * SCALE;
const row = width + 1;
const pixels = Buffer.alloc(row * height, 0xf0);
for (let y = 0; y < height; y++) pixels[y * row] = 0;
[...key].forEach((char, index) => {
  const glyph = GLYPHS[char] ?? ['111', '111', '111', '111', '111'];
  glyph.forEach((bits, gy) => {
    [...bits].forEach((bit, gx) => {
      if (bit !== '1') return;
      for (let dy = 0; dy < SCALE; dy++)
        for (let dx = 0; dx < SCALE; dx++)
          pixels[((gy + 1) * SCALE + dy) * row + 1 + (index * 4 + 1 + gx) * SCALE + dx] = 0x20;
    });
  });
});

const header = Buffer.alloc(13);
header.writeUInt32BE(width, 0);
header.writeUInt32BE(height, 4);
header.set([8, 0, 0, 0, 0], 8);
process.stdout.write(
  Buffer.concat([
    PNG_SIGNATURE,
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(pixels)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]),
);
