// Whether the desktop app's window shows only the call just now (it was closed during a call and shrank to
// the call's own small window); never in the web mode.
import { useEffect, useState } from 'react';
import { desktop } from '../ipc/desktop.ts';
import { useCallStore } from './callStore.ts';

/** Whether the window shows only the call: it was made the call's window and a call is on screen. */
export function useCompactCallWindow(): boolean {
  const [callWindow, setCallWindow] = useState(false);
  useEffect(() => desktop?.onCallWindow(setCallWindow), []);
  return useCallStore((s) => callWindow && Object.keys(s.calls).length > 0);
}

/** The call window's button: the whole app again. */
export function showMainWindow(): void {
  void desktop?.showMainWindow().catch(() => undefined);
}
