import { assert, test } from 'vitest';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ContactPresence, ResourcePresence } from '../../shared/model/presence.ts';
import type { RosterItem } from '../../shared/model/roster.ts';
import {
  bestPresence,
  buildRosterView,
  GATEWAYS_GROUP,
  ROW_PX,
  type RosterOptions,
  strangerChats,
  visibleSlice,
} from './rosterView.ts';

const item = (jid: string, name: string, groups: string[] = [], extra: Partial<RosterItem> = {}): RosterItem => ({
  jid: jid as BareJid,
  name,
  subscription: 'both',
  pendingOut: false,
  pendingIn: false,
  approved: false,
  groups,
  ...extra,
});
const online = (jid: string, show: ResourcePresence['show'], status = '', priority = 0): ContactPresence => ({
  jid: jid as BareJid,
  resources: [{ resource: 'r', show, status, priority }],
});
const options = (extra: Partial<RosterOptions> = {}): RosterOptions => ({
  filter: '',
  hideOffline: false,
  sort: 'name',
  ...extra,
});

const items = [
  item('zoe@x', 'Zoe', ['Friends']),
  item('adam@x', 'Adam', ['Friends', 'Work']),
  item('bob@x', '', ['Work']),
  item('carol@x', 'carol'),
  item('stranger@x', '', [], { subscription: 'none', pendingIn: true }),
  item('dave@x', 'Dave', [], { subscription: 'to', pendingIn: true }),
  item('eve@x', 'eve', ['Work'], { subscription: 'both', pendingIn: true }),
];
const presence = {
  'zoe@x': online('zoe@x', 'chat', 'free'),
  'bob@x': online('bob@x', 'dnd', 'busy'),
  'adam@x': online('adam@x', 'away'),
};

test('groups are alphabetical with the ungrouped last; a contact appears in each of its groups', () => {
  const view = buildRosterView(items, presence, {}, options());
  assert.deepEqual(
    view.groups.map((g) => [g.name, g.contacts.map((c) => c.displayName), g.online, g.total]),
    [
      ['Friends', ['Adam', 'Zoe'], 2, 2],
      ['Work', ['Adam', 'bob', 'eve'], 2, 3],
      ['', ['carol', 'Dave'], 0, 2],
    ],
  );
});

test('requests come first, unless already answered; a stranger who only asked is not listed among contacts', () => {
  const view = buildRosterView(items, presence, {}, options());
  assert.deepEqual(
    view.requests.map((r) => r.jid),
    ['stranger@x', 'dave@x'],
  );
  assert.ok(!view.groups.some((g) => g.contacts.some((c) => c.jid === 'stranger@x')));
});

test('sort by presence puts free-for-chat first and offline last, then by name', () => {
  const view = buildRosterView(items, presence, {}, options({ sort: 'presence' }));
  assert.deepEqual(
    view.groups.find((g) => g.name === 'Work')?.contacts.map((c) => c.show),
    ['away', 'dnd', 'offline'],
  );
  assert.deepEqual(
    view.groups.find((g) => g.name === 'Friends')?.contacts.map((c) => c.displayName),
    ['Zoe', 'Adam'],
  );
});

test('filter matches name or JID; hiding offline keeps contacts with unread messages', () => {
  assert.deepEqual(
    buildRosterView(items, presence, {}, options({ filter: 'ZO' })).groups.map((g) => g.contacts.map((c) => c.jid)),
    [['zoe@x']],
  );
  assert.deepEqual(
    buildRosterView(items, presence, {}, options({ filter: 'bob@' })).groups.map((g) => g.name),
    ['Work'],
  );
  const hidden = buildRosterView(items, presence, { 'carol@x': 2 }, options({ hideOffline: true }));
  assert.deepEqual(
    hidden.groups.find((g) => g.name === '')?.contacts.map((c) => [c.jid, c.unread]),
    [['carol@x', 2]],
  );
  assert.strictEqual(hidden.groups.find((g) => g.name === '')?.total, 2);
});

test('the best resource decides what is shown', () => {
  const many: ContactPresence = {
    jid: 'a@x' as BareJid,
    resources: [
      { resource: 'phone', show: 'away', status: 'on the road', priority: 0 },
      { resource: 'desk', show: 'online', status: 'at work', priority: 5 },
    ],
  };
  assert.deepEqual(bestPresence(many), { show: 'online', status: 'at work' });
  assert.deepEqual(bestPresence(undefined), { show: 'offline', status: '' });
});

test('only the rows of a group near the viewport are rendered', () => {
  assert.deepEqual(visibleSlice(2000, 0, 0, 800), { first: 0, last: Math.ceil(1400 / ROW_PX) });
  const middle = visibleSlice(2000, 100, 50_000, 800);
  assert.ok(middle.first > 900 && middle.last - middle.first < 50);
  assert.deepEqual(visibleSlice(100, 100_000, 0, 800), { first: 0, last: 0 });
  assert.deepEqual(visibleSlice(10, 0, 10_000, 800), { first: 10, last: 10 });
});

test('message requests: chats with people outside the roster, blocked ones left out', () => {
  assert.deepEqual(strangerChats(items, ['zoe@x', 'stranger@x', 'spam@x', 'new@x', 'new@x'], ['spam@x']), [
    'new@x',
    'stranger@x',
  ]);
});

test('registered gateways are listed in their own group after the contacts; their contacts carry the network', () => {
  const items = [
    item('telegram.example', 'Telegram'),
    item('ada@telegram.example', 'Ada', ['Friends']),
    item('bob@example.com', 'Bob'),
  ];
  const view = buildRosterView(items, {}, {}, options({ gateways: new Map([['telegram.example', 'telegram']]) }));
  assert.deepEqual(
    view.groups.map((g) => [g.name, g.contacts.map((c) => c.jid)]),
    [
      ['Friends', ['ada@telegram.example']],
      ['', ['bob@example.com']],
      [GATEWAYS_GROUP, ['telegram.example']],
    ],
  );
  assert.deepEqual(view.groups[0]?.contacts[0]?.network, { type: 'telegram', gateway: false });
  assert.deepEqual(view.groups[2]?.contacts[0]?.network, { type: 'telegram', gateway: true });
  assert.equal(view.groups[1]?.contacts[0]?.network, undefined);
});

test('a big roster comes out in the order a full sort gives: availability, then name (case-insensitive), then JID', () => {
  const shows: ResourcePresence['show'][] = ['chat', 'online', 'away', 'xa', 'dnd'];
  const names = ['anna', 'Anna', 'bert', 'Émile', 'emile', 'zoë', ''];
  const big = Array.from({ length: 300 }, (_, i) =>
    item(`c${(i * 7919) % 1000}@x`, names[i % names.length] ?? '', [`G${i % 3}`]),
  );
  const seen = Object.fromEntries(
    big.filter((_, i) => i % 4 !== 0).map((c, i) => [c.jid, online(c.jid, shows[i % shows.length] ?? 'online')]),
  );
  const order = ['chat', 'online', 'away', 'xa', 'dnd', 'offline'];
  const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
  for (const sort of ['name', 'presence'] as const) {
    const view = buildRosterView(big, seen, {}, options({ sort }));
    for (const group of view.groups) {
      const expected = [...group.contacts].sort(
        (a, b) =>
          (sort === 'presence' ? order.indexOf(a.show) - order.indexOf(b.show) : 0) ||
          collator.compare(a.displayName, b.displayName) ||
          (a.jid < b.jid ? -1 : 1),
      );
      assert.deepEqual(
        group.contacts.map((c) => c.jid),
        expected.map((c) => c.jid),
        `${sort}, ${group.name}`,
      );
      assert.equal(group.contacts.length, 100);
    }
  }
});

test("a contact whose presence and unread count did not change keeps its view (its row is not rendered again); the others' are new", () => {
  const roster = [item('ann@x', 'Ann'), item('ben@x', 'Ben'), item('cy@x', 'Cy')];
  const before = { 'ann@x': online('ann@x', 'away'), 'ben@x': online('ben@x', 'online') };
  const first = buildRosterView(roster, before, {}, options());
  const after = { ...before, 'ben@x': online('ben@x', 'dnd', 'busy') };
  const second = buildRosterView(roster, after, { 'cy@x': 2 }, options());
  const views = (view: ReturnType<typeof buildRosterView>) => view.groups[0]?.contacts ?? [];
  const [ann1, ben1, cy1] = views(first);
  const [ann2, ben2, cy2] = views(second);
  assert.strictEqual(ann2, ann1);
  assert.notStrictEqual(ben2, ben1);
  assert.deepEqual([ben2?.show, ben2?.status], ['dnd', 'busy']);
  assert.notStrictEqual(cy2, cy1);
  assert.strictEqual(cy2?.unread, 2);
  // Back to no presence at all: offline again, not the view from before.
  const third = buildRosterView(roster, {}, { 'cy@x': 2 }, options());
  assert.deepEqual(
    views(third).map((c) => c.show),
    ['offline', 'offline', 'offline'],
  );
  assert.strictEqual(views(third)[2], cy2);
});
