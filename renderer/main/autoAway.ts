// Automatic away: after N minutes without input, away; after M, extended away; any input brings the
// chosen presence back. The page's own input is what the web mode can see.
import { useEffect } from 'react';
import { call } from '../ipc/client.ts';
import { getState, useAppStore } from '../store/index.ts';
import { type AutoShow, autoAwayShow } from './autoAwayRule.ts';

const CHECK_EVERY_MS = 15_000;

export function useAutoAway(): void {
  const away = useAppStore((s) => s.settings.awayAfterMinutes);
  const xa = useAppStore((s) => s.settings.xaAfterMinutes);
  useEffect(() => {
    let lastInput = Date.now();
    let applied: AutoShow;
    const apply = (show: AutoShow): void => {
      if (show === applied) return;
      applied = show;
      for (const account of getState().accounts) {
        if (account.state.status !== 'online') continue;
        void call('presence.setIdle', {
          account: account.id,
          ...(show ? { show, since: lastInput } : {}),
        }).catch(() => undefined);
      }
    };
    const onInput = (): void => {
      lastInput = Date.now();
      if (applied) apply(undefined);
    };
    const events = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'focus'] as const;
    for (const event of events) window.addEventListener(event, onInput, { passive: true });
    const timer = setInterval(() => apply(autoAwayShow(Date.now() - lastInput, away, xa)), CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const event of events) window.removeEventListener(event, onInput);
    };
  }, [away, xa]);
}
