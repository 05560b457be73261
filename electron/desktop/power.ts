// After sleep or a locked screen the connection may be dead without anyone having noticed: check now,
// or retry now instead of waiting out the backoff.
import type { PowerMonitor } from 'electron';

export function wakeOnResume(powerMonitor: Pick<PowerMonitor, 'on'>, wake: () => void): void {
  powerMonitor.on('resume', wake);
  powerMonitor.on('unlock-screen', wake);
}
