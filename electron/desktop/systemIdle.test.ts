import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PowerMonitor } from 'electron';
import { watchSystemIdle } from './systemIdle.ts';

test('system idle time and the locked screen, from events or the idle state', () => {
  const listeners = new Map<string, () => void>();
  let seconds = 42;
  let state: 'active' | 'idle' | 'locked' | 'unknown' = 'active';
  const monitor = {
    getSystemIdleTime: () => seconds,
    getSystemIdleState: () => state,
    on: (event: string, listener: () => void) => {
      listeners.set(event, listener);
      return monitor;
    },
  } as unknown as Pick<PowerMonitor, 'getSystemIdleTime' | 'getSystemIdleState' | 'on'>;
  const idle = watchSystemIdle(monitor);
  assert.deepEqual(idle(), { idleSeconds: 42, locked: false });
  listeners.get('lock-screen')?.();
  seconds = 3;
  assert.deepEqual(idle(), { idleSeconds: 3, locked: true });
  listeners.get('unlock-screen')?.();
  assert.equal(idle().locked, false);
  state = 'locked';
  assert.equal(idle().locked, true, 'a desktop without lock events');
});
