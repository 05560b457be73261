// The main window closed during a call becomes a small call window on top of the others: the call lives in
// this window's page (its media cannot move to another window), so it stays usable — mute, camera, hang up —
// while the rest of the app is out of the way. When the call ends the window goes where the close sent it
// (the tray); the window's own button brings the whole app back.
import type { BrowserWindow, Rectangle } from 'electron';

export type CallWindowLike = Pick<
  BrowserWindow,
  | 'getBounds'
  | 'setBounds'
  | 'setMinimumSize'
  | 'setAlwaysOnTop'
  | 'isMaximized'
  | 'unmaximize'
  | 'maximize'
  | 'isMinimized'
  | 'restore'
  | 'show'
  | 'hide'
>;

export const COMPACT_SIZE = { width: 380, height: 560 } as const;
const MAIN_MINIMUM = { width: 360, height: 400 } as const;

export interface CallWindow {
  /** The window was closed while a call runs: it shrinks to the call, on top. */
  compact(): void;
  /** The whole app again, at its size and place (the window's own button, the tray). */
  expand(): void;
  /** No call runs any more: a compact window goes to the tray, as its close asked. */
  callsEnded(): void;
  isCompact(): boolean;
}

export function createCallWindow(window: CallWindowLike, tell: (compact: boolean) => void): CallWindow {
  let before: { bounds: Rectangle; maximized: boolean } | undefined;
  const expand = (): void => {
    if (!before) return;
    const { bounds, maximized } = before;
    before = undefined;
    window.setAlwaysOnTop(false);
    window.setMinimumSize(MAIN_MINIMUM.width, MAIN_MINIMUM.height);
    window.setBounds(bounds);
    if (maximized) window.maximize();
    tell(false);
  };
  return {
    compact: () => {
      if (before) return;
      const maximized = window.isMaximized();
      if (maximized) window.unmaximize();
      if (window.isMinimized()) window.restore();
      const bounds = window.getBounds();
      before = { bounds, maximized };
      const width = Math.min(COMPACT_SIZE.width, bounds.width);
      const height = Math.min(COMPACT_SIZE.height, bounds.height);
      window.setMinimumSize(Math.min(300, width), Math.min(320, height));
      // The call keeps the corner where the window's right edge was, so it does not jump across the screen.
      window.setBounds({ x: bounds.x + bounds.width - width, y: bounds.y, width, height });
      window.setAlwaysOnTop(true);
      window.show();
      tell(true);
    },
    expand: () => {
      expand();
      window.show();
    },
    callsEnded: () => {
      if (!before) return;
      expand();
      window.hide();
    },
    isCompact: () => before !== undefined,
  };
}
