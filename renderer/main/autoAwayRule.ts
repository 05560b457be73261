// When automatic away applies: after N minutes without input away, after M extended away (0: never).
export type AutoShow = 'away' | 'xa' | undefined;

export function autoAwayShow(idleMs: number, awayAfterMin: number, xaAfterMin: number): AutoShow {
  if (awayAfterMin <= 0) return undefined;
  const minutes = idleMs / 60_000;
  if (xaAfterMin > 0 && minutes >= xaAfterMin) return 'xa';
  return minutes >= awayAfterMin ? 'away' : undefined;
}
