import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRawElement } from '../console/consoleCommands.ts';
import { codePoints, fallbackQuote, isReaction, relationsOf, stripFallback } from './relations.ts';

test('a reply with its fallback: the range (code points, as XEP-0428 counts) comes out of the body', () => {
  const quote = fallbackQuote('Anna', 'We should bake 🎂 a cake');
  const body = `${quote}Great idea!`;
  const stanza = parseRawElement(
    `<message type='chat'><body>${body}</body><reply xmlns='urn:xmpp:reply:0' to='anna@x/tab' id='m1'/>` +
      `<fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'><body start='0' end='${codePoints(quote)}'/></fallback></message>`,
  );
  const relations = relationsOf(stanza);
  assert.deepEqual(relations.reply, { id: 'm1', to: 'anna@x/tab' });
  const stripped = stripFallback(body, relations.replyFallback);
  assert.equal(stripped.body, 'Great idea!');
  assert.equal(stripped.quoted, quote);
});

test('hostile relations are bounded: bad ranges dropped, reactions only emoji, at most 20, deduplicated', () => {
  const stanza = parseRawElement(
    `<message><reply xmlns='urn:xmpp:reply:0' id='x'/><fallback xmlns='urn:xmpp:fallback:0' for='urn:xmpp:reply:0'>` +
      `<body start='-1' end='5'/><body start='9' end='3'/><body start='a' end='b'/></fallback>` +
      `<reactions xmlns='urn:xmpp:reactions:0' id='m2'>${['👍', '👍', '<b>', 'lol', '🇩🇪', '👍🏽', '❤️'].map((r) => `<reaction>${r.replace('<', '&lt;')}</reaction>`).join('')}` +
      `${'<reaction>🎉</reaction>'.repeat(30)}</reactions></message>`,
  );
  const relations = relationsOf(stanza);
  assert.equal(relations.replyFallback, undefined);
  assert.deepEqual(relations.reactions, { id: 'm2', emojis: ['👍', '🇩🇪', '👍🏽', '❤️', '🎉'] });
  assert.equal(isReaction('a😀'), false);
  assert.equal(stripFallback('abc', [{ start: 1, end: 99 }]).body, 'a');
});

test('an empty reactions element removes all of the sender’s reactions', () => {
  const stanza = parseRawElement("<message><reactions xmlns='urn:xmpp:reactions:0' id='m3'/></message>");
  assert.deepEqual(relationsOf(stanza).reactions, { id: 'm3', emojis: [] });
});
