// The square of a picture that becomes the avatar: the largest centred square, zoomed in by `zoom`
// (1 = the whole short side), moved by `x` / `y` (-1 … 1: from one edge to the other).
export interface Rect {
  sx: number;
  sy: number;
  side: number;
}

export function cropRect(width: number, height: number, zoom: number, x: number, y: number): Rect {
  const side = Math.min(width, height) / Math.max(1, zoom);
  const clamp = (v: number): number => Math.max(-1, Math.min(1, v));
  const sx = ((width - side) / 2) * (1 + clamp(x));
  const sy = ((height - side) / 2) * (1 + clamp(y));
  return { sx, sy, side };
}
