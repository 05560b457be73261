// "Last seen" from an XEP-0012 answer: the largest whole unit, so it reads like a person would say it.

export type LastSeen = { unit: 'justNow' } | { unit: 'minutes' | 'hours' | 'days'; count: number };

export function lastSeen(seconds: number): LastSeen {
  if (seconds < 60) return { unit: 'justNow' };
  if (seconds < 3600) return { unit: 'minutes', count: Math.floor(seconds / 60) };
  if (seconds < 86_400) return { unit: 'hours', count: Math.floor(seconds / 3600) };
  return { unit: 'days', count: Math.floor(seconds / 86_400) };
}
