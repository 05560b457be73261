// Whether the desktop app's window shows only the call just now (it was closed during a call and shrank to
// the call's own small window); never in the web mode.
import { useEffect, useState } from 'react';
import { desktop } from '../ipc/desktop.ts';

export function useCompactCallWindow(): boolean {
  const [compact, setCompact] = useState(false);
  useEffect(() => desktop?.onCallWindow(setCompact), []);
  return compact;
}

/** The call window's button: the whole app again. */
export function showMainWindow(): void {
  void desktop?.showMainWindow().catch(() => undefined);
}
