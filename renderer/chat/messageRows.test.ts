import { assert, test } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { buildRows, GROUP_GAP_MS } from './messageRows.ts';

const peer = 'juliet@capulet.lit' as BareJid;
const at = (day: number, hour: number, minute = 0): number => new Date(2026, 10, day, hour, minute).getTime();
const msg = (id: string, direction: 'in' | 'out', timestamp: number): ChatMessage => ({
  id,
  account: 'romeo@montague.lit' as AccountId,
  peer,
  direction,
  from: direction === 'in' ? `${peer}/balcony` : 'desk',
  body: id,
  timestamp,
  state: direction === 'in' ? 'received' : 'sent',
});

test('rows group runs by sender and start a new day with a separator', () => {
  const rows = buildRows([
    msg('a', 'in', at(1, 10)),
    msg('b', 'in', at(1, 10, 1)),
    msg('c', 'out', at(1, 10, 2)),
    msg('d', 'out', at(1, 10, 3)),
    msg('e', 'out', at(1, 10, 3) + GROUP_GAP_MS + 1),
    msg('f', 'out', at(2, 9)),
  ]);
  assert.deepEqual(
    rows.map((r) => [r.key, r.dayStart, r.groupStart]),
    [
      ['a', true, true],
      ['b', false, false],
      ['c', false, true],
      ['d', false, false],
      ['e', false, true],
      ['f', true, true],
    ],
  );
});

test('a day boundary is found at local midnight, also for messages out of order', () => {
  const rows = buildRows([
    msg('a', 'in', at(3, 23, 59)),
    msg('b', 'in', at(4, 0, 0)),
    msg('c', 'in', at(4, 0, 1)),
    msg('d', 'in', at(3, 23, 58)),
    msg('e', 'in', at(3, 23, 59)),
  ]);
  assert.deepEqual(
    rows.map((r) => r.dayStart),
    [true, true, false, true, false],
  );
});
