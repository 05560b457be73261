import { appendFileSync } from 'node:fs';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export const median = (values: number[]): number => percentile(values, 50);

const RESULTS = new URL('./results.jsonl', import.meta.url);

/** Prints a figure and appends it as one JSON line, so runs can be compared over time. */
export function record(
  test: string,
  impl: 'engine' | 'floor' | 'renderer',
  params: Record<string, unknown>,
  unit: string,
  value: number,
): void {
  appendFileSync(
    RESULTS,
    `${JSON.stringify({ test, impl, params, unit, value: Number(value.toFixed(3)), at: new Date().toISOString() })}\n`,
  );
}

export function compare(
  test: string,
  unit: string,
  engine: number,
  floor: number,
  params: Record<string, unknown> = {},
): void {
  record(test, 'engine', params, unit, engine);
  record(test, 'floor', params, unit, floor);
  console.log(
    `${test.padEnd(34)} engine ${engine.toFixed(2).padStart(9)} ${unit.padEnd(6)} floor ${floor.toFixed(2).padStart(9)} ${unit.padEnd(6)} ratio ${(engine / floor).toFixed(2)}`,
  );
}

/** A figure of our own without a floor to compare with (the renderer's). */
export function report(test: string, unit: string, value: number, params: Record<string, unknown> = {}): void {
  record(test, 'renderer', params, unit, value);
  console.log(`${test.padEnd(52)} ${value.toFixed(1).padStart(9)} ${unit}`);
}
