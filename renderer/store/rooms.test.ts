import { assert, test } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { Occupant, Room } from '../../shared/model/muc.ts';
import { chatKey } from './chats.ts';
import { groupOccupants, occupantRepaintMs, withOccupantEvents, withoutRoom, withRoom } from './rooms.ts';

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

test('occupant events: a burst applied at once, leaves remove, groups by role with moderators first', () => {
  const events = [
    ...Array.from({ length: 2000 }, (_, i) => ({ account, room, occupant: occupant(`bot${i}`), gone: false })),
    { account, room, occupant: occupant('Zed', 'moderator'), gone: false },
    { account, room, occupant: occupant('bot7'), gone: true },
  ];
  const all = withOccupantEvents({}, events);
  const inRoom = all[chatKey(account, room)] ?? {};
  assert.strictEqual(Object.keys(inRoom).length, 2000);
  assert.strictEqual(inRoom.bot7, undefined);
  const groups = groupOccupants(inRoom);
  assert.deepEqual(
    groups.map((g) => [g.role, g.occupants.length]),
    [
      ['moderator', 1],
      ['participant', 1999],
    ],
  );
  assert.strictEqual(groups[1]?.occupants[0]?.nick, 'bot0');
});

test('rooms per account: added, replaced, removed', () => {
  let all = withRoom({}, account, joinedRoom);
  all = withRoom(all, account, { ...joinedRoom, subject: 'news' });
  assert.strictEqual(all[account]?.[room]?.subject, 'news');
  assert.deepEqual(withoutRoom(all, account, room)[account], {});
});

test('occupant lists repaint every second while a room is joined, otherwise by the biggest room', () => {
  const big = withOccupantEvents(
    {},
    Array.from({ length: 5000 }, (_, i) => ({ account, room, occupant: occupant(`bot${i}`), gone: false })),
  );
  const small = withOccupantEvents({}, [{ account, room, occupant: occupant('solo'), gone: false }]);
  assert.strictEqual(occupantRepaintMs(withRoom({}, account, joinedRoom), small), 50);
  assert.strictEqual(occupantRepaintMs(withRoom({}, account, joinedRoom), big), 500);
  const other = { ...joinedRoom, jid: 'other@muc.x' as BareJid, state: { status: 'joining' as const } };
  const joining = withRoom(withRoom({}, account, joinedRoom), account, other);
  assert.strictEqual(occupantRepaintMs(joining, small), 1000);
  assert.strictEqual(occupantRepaintMs(joining, big), 1000);
});
