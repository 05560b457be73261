import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { Occupant } from '../../../../shared/model/muc.ts';
import { JOINING_BATCH_MS, type OccupantBatch, occupantChanges, type Timers } from './occupantChanges.ts';

const big = 'big@muc.x' as BareJid;
const small = 'small@muc.x' as BareJid;
const occupant = (nick: string, status = ''): Occupant => ({
  nick,
  role: 'participant',
  affiliation: 'none',
  show: 'online',
  status,
});

/** Timers run by hand: `soon` callbacks on turn(), `after` callbacks on elapse(ms). */
function manualTimers(): Timers & { turn(): void; elapse(ms: number): void; waiting(): number } {
  let soon: (() => void)[] = [];
  let after: { at: number; run: () => void }[] = [];
  let now = 0;
  return {
    soon: (run) => {
      soon.push(run);
      return () => (soon = soon.filter((r) => r !== run));
    },
    after: (ms, run) => {
      const timer = { at: now + ms, run };
      after.push(timer);
      return () => (after = after.filter((t) => t !== timer));
    },
    turn: () => {
      const due = soon;
      soon = [];
      for (const run of due) run();
    },
    elapse: (ms) => {
      now += ms;
      const due = after.filter((t) => t.at <= now);
      after = after.filter((t) => t.at > now);
      for (const t of due) t.run();
    },
    waiting: () => soon.length + after.length,
  };
}

/** Changes wired to hand-run timers, the batches they send collected. */
function started(joining: (room: BareJid) => boolean) {
  const timers = manualTimers();
  const sent: OccupantBatch[] = [];
  return { timers, sent, changes: occupantChanges((b) => sent.push(b), joining, timers) };
}

test('a joining room: occupants held for a while, then one batch; the join sends the rest at once', () => {
  const { timers, sent, changes } = started((room) => room === big);
  for (let i = 0; i < 3000; i++) changes.present(big, occupant(`bot${i}`));
  timers.turn();
  timers.elapse(JOINING_BATCH_MS - 1);
  assert.equal(sent.length, 0, 'nothing before the time is up');
  timers.elapse(1);
  assert.equal(sent.length, 1);
  assert.equal(sent[0]?.present.length, 3000);
  for (let i = 3000; i < 5000; i++) changes.present(big, occupant(`bot${i}`));
  changes.present(big, occupant('Me'));
  changes.flush(big);
  assert.equal(sent.length, 2, 'the join completes: the rest goes at once');
  assert.deepEqual(sent[1]?.present.at(-1), occupant('Me'));
  assert.equal(sent[1]?.present.length, 2001);
  assert.equal(timers.waiting(), 0, 'no timer left behind');
});

test('a joined room: what changed in one turn goes as one batch, each nick in its latest state', () => {
  const { timers, sent, changes } = started(() => false);
  changes.present(small, occupant('ann'));
  changes.present(small, occupant('bob'));
  changes.gone(small, 'bob');
  changes.present(small, occupant('ann', 'away for lunch'));
  changes.gone(small, 'cat');
  changes.present(big, occupant('dan'));
  assert.equal(sent.length, 0);
  timers.turn();
  assert.deepEqual(sent, [
    { room: small, present: [occupant('ann', 'away for lunch')], gone: ['bob', 'cat'] },
    { room: big, present: [occupant('dan')], gone: [] },
  ]);
  // A nick that left and came back within the turn is present.
  changes.gone(small, 'ann');
  changes.present(small, occupant('ann'));
  timers.turn();
  assert.deepEqual(sent[2], { room: small, present: [occupant('ann')], gone: [] });
});

test('flush with nothing waiting sends nothing; dispose drops what waits and its timers', () => {
  const { timers, sent, changes } = started((room) => room === big);
  changes.flush(big);
  changes.present(big, occupant('x'));
  changes.present(small, occupant('y'));
  changes.dispose();
  timers.turn();
  timers.elapse(JOINING_BATCH_MS);
  assert.equal(sent.length, 0);
  assert.equal(timers.waiting(), 0);
});
