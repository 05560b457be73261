// Memory of a process as Linux tells it (/proc), in MiB.
import { readFileSync } from 'node:fs';

const KIB_PER_MIB = 1024;

function fieldMiB(text: string, field: string): number {
  const line = text.split('\n').find((l) => l.startsWith(`${field}:`));
  return Number(/(\d+) kB/u.exec(line ?? '')?.[1] ?? Number.NaN) / KIB_PER_MIB;
}

/** This process's VmRSS (resident now) or VmHWM (the peak). */
export function residentMiB(field: 'VmRSS' | 'VmHWM' = 'VmRSS'): number {
  return fieldMiB(readFileSync('/proc/self/status', 'utf8'), field);
}

/**
 * A process's proportional share (PSS): its own pages, and its share of those it maps with other processes
 * (Chromium's processes share their code and fonts). What a set of processes takes together adds up.
 */
export function proportionalMiB(pid: number): number {
  return fieldMiB(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'), 'Pss');
}
