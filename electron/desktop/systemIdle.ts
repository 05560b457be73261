// How long the whole system has been without input, and whether its screen is locked: the desktop's
// automatic away (the page's own input is all the web mode can see).
import type { PowerMonitor } from 'electron';
import type { SystemIdle } from '../../shared/ipc/desktop.ts';

type IdleMonitor = Pick<PowerMonitor, 'getSystemIdleTime' | 'getSystemIdleState' | 'on'>;

export function watchSystemIdle(powerMonitor: IdleMonitor): () => SystemIdle {
  let locked = false;
  powerMonitor.on('lock-screen', () => (locked = true));
  powerMonitor.on('unlock-screen', () => (locked = false));
  return () => ({
    idleSeconds: powerMonitor.getSystemIdleTime(),
    // Some desktops send no lock event; the idle state knows a locked screen there.
    locked: locked || powerMonitor.getSystemIdleState(1) === 'locked',
  });
}
