// Automatic away: after N minutes without input, away; after M, extended away; any input brings the
// chosen presence back. The desktop app asks the system (all input, and a locked screen means away at
// once); the web mode sees only the page's own input.
import { useEffect } from 'react';
import type { AccountId } from '../../shared/model/account.ts';
import { call } from '../ipc/client.ts';
import { desktop } from '../ipc/desktop.ts';
import { getState, useAppStore } from '../store/index.ts';
import { type AutoShow, autoAwayShow } from './autoAwayRule.ts';

const CHECK_EVERY_MS = 15_000;

/** Tells each online account once per change (an account that comes online later is told at the next check). */
function applier(): (show: AutoShow, since: number) => void {
  const applied = new Map<AccountId, AutoShow>();
  return (show, since) => {
    for (const account of getState().accounts) {
      if (account.state.status !== 'online') {
        applied.delete(account.id);
        continue;
      }
      if (applied.has(account.id) && applied.get(account.id) === show) continue;
      applied.set(account.id, show);
      void call('presence.setIdle', { account: account.id, ...(show ? { show, since } : {}) }).catch(() => undefined);
    }
  };
}

export function useAutoAway(): void {
  const away = useAppStore((s) => s.settings.awayAfterMinutes);
  const xa = useAppStore((s) => s.settings.xaAfterMinutes);
  useEffect(() => {
    const apply = applier();
    if (desktop) {
      const system = desktop;
      const check = (): void => {
        void system.idle().then(
          ({ idleSeconds, locked }) => {
            const idleMs = idleSeconds * 1000;
            const byTime = autoAwayShow(idleMs, away, xa);
            apply(locked && away > 0 && !byTime ? 'away' : byTime, Date.now() - idleMs);
          },
          () => undefined,
        );
      };
      check();
      const timer = setInterval(check, CHECK_EVERY_MS);
      // Coming back to the window is input: no need to wait for the next check.
      window.addEventListener('focus', check);
      return () => {
        clearInterval(timer);
        window.removeEventListener('focus', check);
      };
    }
    let lastInput = Date.now();
    let idle = false;
    const onInput = (): void => {
      lastInput = Date.now();
      if (idle) {
        idle = false;
        apply(undefined, lastInput);
      }
    };
    const events = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'focus'] as const;
    for (const event of events) window.addEventListener(event, onInput, { passive: true });
    const timer = setInterval(() => {
      const show = autoAwayShow(Date.now() - lastInput, away, xa);
      idle = show !== undefined;
      apply(show, lastInput);
    }, CHECK_EVERY_MS);
    return () => {
      clearInterval(timer);
      for (const event of events) window.removeEventListener(event, onInput);
    };
  }, [away, xa]);
}
