// The window comes back where it was: size, position, maximised, and the zoom (Ctrl + / − / 0).
import type { BrowserWindow, Rectangle } from 'electron';

export interface WindowState {
  bounds?: Rectangle;
  maximized?: boolean;
  zoom?: number;
}

export interface StateFile {
  read(): string | undefined;
  write(text: string): void;
}

export function loadWindowState(file: StateFile): WindowState {
  try {
    const raw = JSON.parse(file.read() ?? '{}') as Record<string, unknown>;
    const b = raw.bounds as Partial<Rectangle> | undefined;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    return {
      ...(b && ok(b.x) && ok(b.y) && ok(b.width) && ok(b.height) && b.width >= 360 && b.height >= 400
        ? { bounds: { x: b.x, y: b.y, width: b.width, height: b.height } }
        : {}),
      ...(raw.maximized === true ? { maximized: true } : {}),
      ...(ok(raw.zoom) && Math.abs(raw.zoom) <= 5 ? { zoom: raw.zoom } : {}),
    };
  } catch {
    return {};
  }
}

type WindowLike = Pick<BrowserWindow, 'on' | 'getNormalBounds' | 'isMaximized'> & {
  webContents: Pick<BrowserWindow['webContents'], 'getZoomLevel' | 'on'>;
};

/** Saves the state whenever it changes (debounced), except while `paused` (the window shows only a call). */
export function rememberWindowState(
  window: WindowLike,
  file: StateFile,
  delayMs = 500,
  paused: () => boolean = () => false,
): void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const save = (): void => {
    clearTimeout(timer);
    if (paused()) return;
    timer = setTimeout(() => {
      const state: WindowState = {
        bounds: window.getNormalBounds(),
        maximized: window.isMaximized(),
        zoom: window.webContents.getZoomLevel(),
      };
      file.write(JSON.stringify(state));
    }, delayMs);
  };
  for (const event of ['resize', 'move', 'maximize', 'unmaximize'] as const) window.on(event as 'resize', save);
  window.webContents.on('zoom-changed', save);
}
