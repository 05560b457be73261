// The desktop app's own services (main-process notifications, system idle, the shell's settings);
// undefined in the web mode, which uses the browser's equivalents.
import type { DesktopBridge } from '../../shared/ipc/desktop.ts';

declare global {
  interface Window {
    desktop?: DesktopBridge;
  }
}

export const desktop: DesktopBridge | undefined = window.desktop;
