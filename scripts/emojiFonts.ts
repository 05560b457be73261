// Writes renderer/styling/emojiFont*.css from the @fontsource packages' own CSS: woff2 only (every
// Chromium reads it; the woff fallbacks would only be packed for nothing), URLs the bundler resolves
// from node_modules. `npm run fonts:emoji` after updating a font package; a test keeps them in step.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export const EMOJI_FONTS = [
  {
    pkg: 'noto-color-emoji',
    out: 'renderer/styling/emojiFont.css',
    header: `/* Noto Color Emoji (SIL OFL 1.1, @fontsource/noto-color-emoji): emoji show in colour where the system
   has no emoji font. Only woff2, and each range is fetched when a character in it is on screen. */`,
  },
  {
    pkg: 'noto-emoji',
    out: 'renderer/styling/emojiFontMono.css',
    header: `/* Noto Emoji, monochrome (SIL OFL 1.1, @fontsource/noto-emoji): used where the colour emoji font cannot be
   drawn (a Chromium without COLRv1 support); emojiSupport.ts switches to it. */`,
  },
] as const;

/** The package's 400 weight CSS, woff2 only, with URLs into the package. */
export function emojiFontCss(source: string, pkg: string, header: string): string {
  const body = source
    .replace(/,\s*url\([^)]*\.woff\) format\('woff'\)/gu, '')
    .replace(/url\(\.\/files\//gu, `url(@fontsource/${pkg}/files/`);
  return `${header}\n${body.trim()}\n`;
}

export function generatedEmojiFont(font: (typeof EMOJI_FONTS)[number]): string {
  const source = readFileSync(join(ROOT, 'node_modules', '@fontsource', font.pkg, '400.css'), 'utf8');
  return emojiFontCss(source, font.pkg, font.header);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const font of EMOJI_FONTS) writeFileSync(join(ROOT, font.out), generatedEmojiFont(font));
  console.log(EMOJI_FONTS.map((f) => f.out).join('\n'));
}
