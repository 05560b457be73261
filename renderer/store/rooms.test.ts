import { assert, test } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { Occupant, Room } from '../../shared/model/muc.ts';
import { chatKey } from './chats.ts';
import { groupOccupants, occupantRepaintMs, withOccupantBatches, withoutRoom, withRoom } from './rooms.ts';

const account = 'me@x' as AccountId;
const room = 'room@muc.x' as BareJid;
const joinedRoom: Room = {
  jid: room,
  nick: 'me',
  name: '',
  subject: '',
  state: { status: 'joined' },
  role: 'participant',
  affiliation: 'none',
  mentions: 0,
};
const occupant = (nick: string, role: Occupant['role'] = 'participant'): Occupant => ({
  nick,
  role,
  affiliation: 'none',
  show: 'online',
  status: '',
});

test('occupant batches: applied at once, leaves remove, a later batch wins, groups by role with moderators first', () => {
  const nicks = Array.from({ length: 2000 }, (_, i) => occupant(`bot${i}`));
  const all = withOccupantBatches({}, [
    { account, room, present: nicks, gone: [] },
    { account, room, present: [occupant('Zed', 'moderator'), occupant('bot8', 'visitor')], gone: ['bot7'] },
  ]);
  const inRoom = all[chatKey(account, room)] ?? {};
  assert.strictEqual(Object.keys(inRoom).length, 2000);
  assert.strictEqual(inRoom.bot7, undefined);
  assert.strictEqual(inRoom.bot8?.role, 'visitor');
  const groups = groupOccupants(inRoom);
  assert.deepEqual(
    groups.map((g) => [g.role, g.occupants.length]),
    [
      ['moderator', 1],
      ['participant', 1998],
      ['visitor', 1],
    ],
  );
  assert.strictEqual(groups[1]?.occupants[0]?.nick, 'bot0');
  // The state before is not changed: a store update is a new object.
  const again = withOccupantBatches(all, [{ account, room, present: [], gone: ['bot0'] }]);
  assert.strictEqual(all[chatKey(account, room)]?.bot0?.nick, 'bot0');
  assert.strictEqual(again[chatKey(account, room)]?.bot0, undefined);
});

test('rooms per account: added, replaced, removed', () => {
  let all = withRoom({}, account, joinedRoom);
  all = withRoom(all, account, { ...joinedRoom, subject: 'news' });
  assert.strictEqual(all[account]?.[room]?.subject, 'news');
  assert.deepEqual(withoutRoom(all, account, room)[account], {});
});

test('occupant lists repaint every second while a room is joined, otherwise by the biggest room', () => {
  const big = withOccupantBatches({}, [
    { account, room, present: Array.from({ length: 5000 }, (_, i) => occupant(`bot${i}`)), gone: [] },
  ]);
  const small = withOccupantBatches({}, [{ account, room, present: [occupant('solo')], gone: [] }]);
  assert.strictEqual(occupantRepaintMs(withRoom({}, account, joinedRoom), small), 50);
  assert.strictEqual(occupantRepaintMs(withRoom({}, account, joinedRoom), big), 500);
  const other = { ...joinedRoom, jid: 'other@muc.x' as BareJid, state: { status: 'joining' as const } };
  const joining = withRoom(withRoom({}, account, joinedRoom), account, other);
  assert.strictEqual(occupantRepaintMs(joining, small), 1000);
  assert.strictEqual(occupantRepaintMs(joining, big), 1000);
});
