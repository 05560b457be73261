import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { parseRosterItem, parseRosterQuery, NS_ROSTER } from './roster.parse.ts';
import { buildRosterSet } from './roster.build.ts';

test('parses the RFC 6121 roster result, groups and pending state', () => {
  const query = xml(
    'query',
    { xmlns: NS_ROSTER, ver: 'ver11' },
    xml(
      'item',
      { jid: 'romeo@example.net', name: 'Romeo', subscription: 'both' },
      xml('group', {}, 'Friends'),
      xml('group', {}, 'Friends'),
    ),
    xml('item', { jid: 'mercutio@example.com', subscription: 'none', ask: 'subscribe' }),
    xml('item', { jid: 'benvolio@example.net', subscription: 'remove' }),
  );
  const { changes, version } = parseRosterQuery(query);
  assert.equal(version, 'ver11');
  assert.deepEqual(changes[0], {
    kind: 'set',
    item: {
      jid: 'romeo@example.net',
      name: 'Romeo',
      subscription: 'both',
      pendingOut: false,
      pendingIn: false,
      approved: false,
      groups: ['Friends'],
    },
  });
  assert.equal(changes[1]?.kind === 'set' && changes[1].item.pendingOut, true);
  assert.deepEqual(changes[2], { kind: 'remove', jid: 'benvolio@example.net' });
});

test('hostile items are dropped or normalised, never thrown on', () => {
  for (const attrs of [{}, { jid: '' }, { jid: 'a@b/c' }, { jid: 'a b@c' }, { jid: '@nodomain' }]) {
    assert.equal(parseRosterItem(xml('item', attrs)), undefined, JSON.stringify(attrs));
  }
  const odd = parseRosterItem(xml('item', { jid: 'X@Example.COM', subscription: 'everything' }));
  assert.deepEqual(odd?.kind === 'set' && [odd.item.jid, odd.item.subscription], ['x@example.com', 'none']);
  assert.deepEqual(parseRosterQuery(undefined).changes, []);
});

test('builds a roster set with name and groups', () => {
  const built = buildRosterSet('juliet@example.com' as never, 'Juliet', ['Family', 'VIP']);
  assert.equal(
    built.toString(),
    `<query xmlns="${NS_ROSTER}"><item jid="juliet@example.com" name="Juliet"><group>Family</group><group>VIP</group></item></query>`,
  );
});
