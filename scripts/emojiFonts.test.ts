import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EMOJI_FONTS, emojiFontCss, generatedEmojiFont } from './emojiFonts.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Prettier wraps the long unicode-range lists; whitespace is not what is compared.
const words = (css: string): string => css.replace(/\s+/gu, '');

test('the committed emoji font CSS is what the font packages give (npm run fonts:emoji after an update)', () => {
  for (const font of EMOJI_FONTS)
    assert.equal(words(readFileSync(join(ROOT, font.out), 'utf8')), words(generatedEmojiFont(font)), font.out);
});

test('only woff2 is kept, with URLs into the package', () => {
  const css = emojiFontCss(
    "@font-face { src: url(./files/x-0.woff2) format('woff2'), url(./files/x-0.woff) format('woff'); }",
    'x',
    '/* x */',
  );
  assert.equal(css, "/* x */\n@font-face { src: url(@fontsource/x/files/x-0.woff2) format('woff2'); }\n");
});
