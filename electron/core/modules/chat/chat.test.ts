import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { NS_DELAY, NS_SID, parseChatMessage } from './chat.parse.ts';

const own = 'juliet@example.com' as BareJid;

test('parses a chat message with origin-id, our stanza-id and a delay', () => {
  const parsed = parseChatMessage(
    xml(
      'message',
      { from: 'Romeo@Example.net/orchard', type: 'chat', id: 'x' },
      xml('body', {}, 'Art thou not Romeo?'),
      xml('origin-id', { xmlns: NS_SID, id: 'o-1' }),
      xml('stanza-id', { xmlns: NS_SID, by: 'mallory@evil.example', id: 'forged' }),
      xml('stanza-id', { xmlns: NS_SID, by: own, id: 'smuggled-by-sender' }),
      xml('stanza-id', { xmlns: NS_SID, by: own, id: 's-1' }),
      xml('delay', { xmlns: NS_DELAY, stamp: '2002-09-10T23:08:25Z' }),
    ),
    own,
  );
  assert.deepEqual(parsed, {
    kind: 'chat',
    from: 'Romeo@Example.net/orchard',
    peer: 'romeo@example.net',
    resource: 'orchard',
    body: 'Art thou not Romeo?',
    originId: 'o-1',
    stanzaId: 's-1',
    timestamp: Date.parse('2002-09-10T23:08:25Z'),
    replaces: undefined,
    retracts: undefined,
    oobUrl: undefined,
    encrypted: false,
  });
});

test('corrections and retractions name the message they change; a retraction needs no body', () => {
  const correction = parseChatMessage(
    xml(
      'message',
      { from: 'a@b/c', type: 'chat' },
      xml('body', {}, 'fixed'),
      xml('replace', { xmlns: 'urn:xmpp:message-correct:0', id: 'orig' }),
    ),
    own,
  );
  assert.equal(correction?.kind === 'chat' && correction.replaces, 'orig');
  const retraction = parseChatMessage(
    xml(
      'message',
      { from: 'a@b/c', type: 'chat' },
      xml('retract', { xmlns: 'urn:xmpp:message-retract:1', id: 'gone' }),
    ),
    own,
  );
  assert.equal(retraction?.kind === 'chat' && retraction.retracts, 'gone');
});

test('ignores messages without a body, groupchat, bad senders; clamps future stamps', () => {
  assert.equal(
    parseChatMessage(
      xml(
        'message',
        { from: 'a@b/c', type: 'chat' },
        xml('active', { xmlns: 'http://jabber.org/protocol/chatstates' }),
      ),
      own,
    ),
    undefined,
  );
  assert.equal(
    parseChatMessage(xml('message', { from: 'a@b/c', type: 'chat' }, xml('body', {}, '   ')), own),
    undefined,
  );
  assert.equal(
    parseChatMessage(xml('message', { from: 'room@muc/nick', type: 'groupchat' }, xml('body', {}, 'hi')), own),
    undefined,
  );
  assert.equal(
    parseChatMessage(xml('message', { from: 'not a jid', type: 'chat' }, xml('body', {}, 'hi')), own),
    undefined,
  );
  assert.equal(parseChatMessage(xml('message', { type: 'chat' }, xml('body', {}, 'hi')), own), undefined);
  const future = parseChatMessage(
    xml(
      'message',
      { from: 'a@b/c', type: 'chat' },
      xml('body', {}, 'hi'),
      xml('delay', { xmlns: NS_DELAY, stamp: '2999-01-01T00:00:00Z' }),
    ),
    own,
  );
  assert.equal(future?.kind === 'chat' && future.timestamp, undefined);
});

test('an error bounce carries the id of our message', () => {
  assert.deepEqual(parseChatMessage(xml('message', { from: 'a@b', type: 'error', id: 'm1' }), own), {
    kind: 'error',
    id: 'm1',
    peer: 'a@b',
  });
});

test('an OMEMO message is read without its fallback body or file link; a key-transport one needs no body', () => {
  const encrypted = xml('encrypted', { xmlns: 'eu.siacs.conversations.axolotl' }, xml('header', { sid: '1' }));
  const parsed = parseChatMessage(
    xml(
      'message',
      { from: 'a@b/c', type: 'chat' },
      encrypted,
      xml('x', { xmlns: 'jabber:x:oob' }, xml('url', {}, 'https://x/y.png')),
    ),
    own,
  );
  assert.equal(parsed?.kind === 'chat' && parsed.encrypted, true);
  assert.equal(parsed?.kind === 'chat' ? parsed.oobUrl : 'no', undefined);
});

test("our own server's announcement (a headline) is read, subject first; anyone else's headline is not", () => {
  const headline = (from: string) =>
    xml(
      'message',
      { from, to: own, type: 'headline' },
      xml('subject', {}, 'Maintenance'),
      xml('body', {}, 'Restart at noon.'),
    );
  const parsed = parseChatMessage(headline('example.com'), own);
  assert.equal(parsed?.kind, 'chat');
  assert.equal(parsed?.kind === 'chat' ? parsed.body : '', 'Maintenance\nRestart at noon.');
  assert.equal(parsed?.kind === 'chat' ? parsed.peer : '', 'example.com');
  assert.equal(parseChatMessage(headline('mallory@example.com'), own), undefined);
  assert.equal(parseChatMessage(headline('other.example'), own), undefined);
});
