// npm run icons: the PNG icons every target needs, rendered from assets/icon.svg by Chromium (no hand
// export): app icons at the usual sizes, tray icons with and without the unread marker, and the overlay.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const ROOT = join(import.meta.dirname, '..');
const OUT = join(ROOT, 'assets', 'icons');
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const svg = readFileSync(join(ROOT, 'assets', 'icon.svg'), 'utf8');
// The unread marker: a red dot with a white ring in the top right corner.
const withMarker = svg.replace(
  '</svg>',
  '<circle cx="204" cy="52" r="48" fill="#fff"/><circle cx="204" cy="52" r="38" fill="#d92d20"/></svg>',
);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  mkdirSync(OUT, { recursive: true });
  const page = await browser.newPage();
  const render = async (source: string, size: number, file: string): Promise<void> => {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${Buffer.from(source).toString('base64')}"></body></html>`,
    );
    await page.screenshot({ path: join(OUT, file), omitBackground: true });
  };
  for (const size of SIZES) await render(svg, size, `${size}x${size}.png`);
  // Windows' taskbar overlay: the marker alone.
  await render(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><circle cx="16" cy="16" r="15" fill="#fff"/><circle cx="16" cy="16" r="12" fill="#d92d20"/></svg>',
    32,
    'overlay-unread-32.png',
  );
  for (const size of [16, 32]) {
    await render(svg, size, `tray-${size}.png`);
    await render(withMarker, size, `tray-unread-${size}.png`);
  }
  console.log(`icons written to ${OUT}`);
} finally {
  await browser.close();
}
