import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { mentions, parseGroupMessage, parseMucPresence, splitOccupant } from './muc.parse.ts';

test('occupant presence: role, affiliation, real JID, occupant-id and status codes', () => {
  const parsed = parseMucPresence(
    xml(
      'presence',
      { from: 'room@muc.x/Alice' },
      xml('show', {}, 'away'),
      xml('status', {}, 'lunch'),
      xml(
        'x',
        { xmlns: 'http://jabber.org/protocol/muc#user' },
        xml('item', { role: 'moderator', affiliation: 'owner', jid: 'alice@x/phone' }),
        xml('status', { code: '110' }),
      ),
      xml('occupant-id', { xmlns: 'urn:xmpp:occupant-id:0', id: 'occ-a' }),
    ),
  );
  assert.deepEqual(parsed, {
    kind: 'available',
    room: 'room@muc.x',
    codes: new Set(['110']),
    occupant: {
      nick: 'Alice',
      role: 'moderator',
      affiliation: 'owner',
      show: 'away',
      status: 'lunch',
      jid: 'alice@x',
      occupantId: 'occ-a',
    },
  });
  const left = parseMucPresence(
    xml(
      'presence',
      { from: 'room@muc.x/Alice', type: 'unavailable' },
      xml(
        'x',
        { xmlns: 'http://jabber.org/protocol/muc#user' },
        xml('item', { nick: 'Alicia' }),
        xml('status', { code: '303' }),
      ),
    ),
  );
  assert.equal(left?.kind === 'unavailable' && left.newNick, 'Alicia');
  const error = parseMucPresence(
    xml(
      'presence',
      { from: 'room@muc.x/Bob', type: 'error' },
      xml('error', { type: 'cancel' }, xml('conflict', { xmlns: 'urn:ietf:params:xml:ns:xmpp-stanzas' })),
    ),
  );
  assert.equal(error?.kind === 'error' && error.condition, 'conflict');
  assert.equal(parseMucPresence(xml('presence', { from: 'bob@x/r' })), undefined, 'no muc#user: not from a room');
  assert.equal(splitOccupant('room@muc.x'), undefined);
});

test("group messages: the room's stanza-id only, subject, occupant-id", () => {
  const parsed = parseGroupMessage(
    xml(
      'message',
      { from: 'room@muc.x/Bob', type: 'groupchat' },
      xml('body', {}, 'hi'),
      xml('stanza-id', { xmlns: 'urn:xmpp:sid:0', by: 'bob@x', id: 'forged' }),
      xml('stanza-id', { xmlns: 'urn:xmpp:sid:0', by: 'room@muc.x', id: 'r-1' }),
      xml('occupant-id', { xmlns: 'urn:xmpp:occupant-id:0', id: 'occ-b' }),
    ),
  );
  assert.equal(parsed?.stanzaId, 'r-1');
  assert.equal(parsed?.occupantId, 'occ-b');
  assert.equal(
    parseGroupMessage(xml('message', { from: 'room@muc.x', type: 'groupchat' }, xml('subject', {}, 'Welcome')))
      ?.subject,
    'Welcome',
  );
  assert.equal(
    parseGroupMessage(xml('message', { from: 'room@muc.x/Bob', type: 'chat' }, xml('body', {}, 'x'))),
    undefined,
  );
});

test('mentions: the nick as a word, any case, not inside other words', () => {
  assert.ok(mentions('hey Alice, look', 'alice'));
  assert.ok(mentions('@Alice!', 'Alice'));
  assert.ok(!mentions('Malice aforethought', 'Alice'));
  assert.ok(mentions('ping a.b', 'a.b'));
  assert.ok(!mentions('ping axb', 'a.b'));
});
