// Whether the bundled colour emoji font can be drawn here (it is a COLRv1 font: Electron's Chromium draws
// it; some system Chromium builds do not and show nothing). If not, the monochrome font is used instead.
import { QUICK_REACTIONS } from '../chat/reactionsView.ts';

const PROBE = '\u{1F44D}';

function drawsColourEmoji(): boolean {
  const canvas = document.createElement('canvas');
  canvas.width = 32;
  canvas.height = 32;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return true;
  context.font = "24px 'Noto Color Emoji'";
  context.textBaseline = 'top';
  context.fillText(PROBE, 2, 2);
  const pixels = context.getImageData(0, 0, 32, 32).data;
  for (let i = 3; i < pixels.length; i += 4) if ((pixels[i] ?? 0) > 0) return true;
  return false;
}

/**
 * Once the colour font has loaded, checks it draws, and falls back to the monochrome one when not. The
 * quick reactions' glyphs are loaded up front: each message's toolbar shows one, and a font part loaded
 * only when first drawn shows a box until it arrives.
 */
export async function checkEmojiFont(): Promise<void> {
  const shown = PROBE + QUICK_REACTIONS.join('');
  try {
    await document.fonts.load("24px 'Noto Color Emoji'", shown);
    if (drawsColourEmoji()) return;
    document.documentElement.dataset.emoji = 'mono';
    await document.fonts.load("24px 'Noto Emoji'", shown);
  } catch {
    return;
  }
}
