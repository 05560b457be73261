import { assert, test } from 'vitest';
import type { Room } from '../../shared/model/muc.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { AppState } from './index.ts';
import { beginSnapshot, endSnapshot, recordLive, snapshotWithReplay } from './snapshot.ts';
import { withRoom } from './rooms.ts';

const A = 'a@x' as BareJid;
const OTHER = 'other@x' as BareJid;
const room = (status: 'joining' | 'joined'): Room => ({
  jid: 'r@muc.x' as Room['jid'],
  nick: 'me',
  name: '',
  subject: '',
  state: { status },
  role: 'participant',
  affiliation: 'none',
  mentions: 0,
});

test('an event that arrives while a snapshot loads wins over the older snapshot', () => {
  const buffer = beginSnapshot(A);
  recordLive(A, (s) => ({ rooms: withRoom(s.rooms, A, room('joined')) }));
  recordLive(OTHER, () => ({ filter: 'not replayed' }));
  const staleSnapshot = (s: AppState): Partial<AppState> => ({ rooms: withRoom(s.rooms, A, room('joining')) });
  const next = snapshotWithReplay(buffer, staleSnapshot)({ rooms: {}, filter: '' } as unknown as AppState);
  endSnapshot(A, buffer);
  assert.strictEqual(next.rooms?.[A]?.['r@muc.x']?.state.status, 'joined');
  assert.strictEqual(next.filter, '');
  recordLive(A, () => ({ filter: 'after' }));
  assert.strictEqual(buffer.length, 1, 'nothing is recorded once the snapshot is in');
});
