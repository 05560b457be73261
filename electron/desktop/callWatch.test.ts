import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { Call } from '../../shared/model/call.ts';
import { watchCalls } from './callWatch.ts';

test('the main process knows whether a call runs, is told when that changes, and hangs up what runs', () => {
  let listener: ((payload: { call: Call }) => void) | undefined;
  const hungUp: string[] = [];
  let changes = 0;
  const watch = watchCalls(
    { on: (_event, l) => ((listener = l), () => undefined) },
    (call) => hungUp.push(call.sid),
    () => changes++,
  );
  const call = (sid: string, phase: Call['phase']): Call => ({
    account: 'me@x' as AccountId,
    sid,
    peer: 'you@x' as BareJid,
    direction: 'outgoing',
    media: ['audio'],
    phase,
    startedAt: 1,
  });
  assert.equal(watch.inCall(), false);
  listener?.({ call: call('a', 'proposing') });
  listener?.({ call: call('a', 'active') });
  listener?.({ call: call('b', 'incoming') });
  assert.equal(watch.inCall(), true);
  watch.hangUp();
  assert.deepEqual(hungUp, ['a', 'b']);
  listener?.({ call: call('a', 'ended') });
  listener?.({ call: call('b', 'ended') });
  assert.equal(watch.inCall(), false);
  assert.equal(changes, 2, 'told when the first call starts and when the last one ends');
});
