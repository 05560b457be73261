import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { ChatMessage } from '../../../shared/model/message.ts';
import { migrate } from './db.ts';
import { MIGRATIONS } from './migrations/index.ts';
import { createMessagesRepo } from './messagesRepo.ts';
import { createSearchRepo, ftsExpression } from './searchRepo.ts';

const account = 'me@x' as AccountId;
const message = (id: string, body: string, ts: number, peer = 'b@x'): ChatMessage => ({
  id,
  account,
  peer: peer as BareJid,
  direction: 'in',
  from: `${peer}/r`,
  body,
  timestamp: ts,
  state: 'received',
});

function setup() {
  const db = new DatabaseSync(':memory:');
  migrate(db, MIGRATIONS);
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('me@x', 'r', 1)").run();
  return { db, messages: createMessagesRepo(db), search: createSearchRepo(db) };
}
const ids = (list: ChatMessage[]): string[] => list.map((m) => m.id);

test('words match as prefixes, any case and accents, newest first, with filters', () => {
  const { messages, search } = setup();
  messages.add(message('1', 'Der Kuchen ist fertig', 1));
  messages.add(message('2', 'kuchen? Café at five', 2, 'c@x'));
  messages.add(message('3', 'nothing here', 3));
  assert.deepEqual(ids(search.search({ text: 'kuch' })), ['2', '1']);
  assert.deepEqual(ids(search.search({ text: 'CAFE five' })), ['2']);
  assert.deepEqual(ids(search.search({ text: 'kuchen', peer: 'b@x' as BareJid })), ['1']);
  assert.deepEqual(ids(search.search({ text: 'kuchen', sender: 'c@x' })), ['2']);
  assert.deepEqual(ids(search.search({ text: 'kuchen', since: 2 })), ['2']);
});

test('a correction is found by its new text only; a retracted text is not found', () => {
  const { messages, search } = setup();
  messages.add(message('1', 'meet at the station', 1));
  messages.correct('1', 'meet at the harbour');
  assert.deepEqual(ids(search.search({ text: 'station' })), []);
  assert.deepEqual(ids(search.search({ text: 'harbour' })), ['1']);
  messages.retract('1');
  assert.deepEqual(ids(search.search({ text: 'harbour' })), []);
});

test('the index is built for messages stored before the upgrade', () => {
  const db = new DatabaseSync(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 10),
  );
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('me@x', 'r', 1)").run();
  // Written as that version's schema has it (today's repo writes columns that came later).
  db.prepare(
    "INSERT INTO messages (id, account, peer, direction, from_jid, body, ts, state) VALUES ('old', 'me@x', 'b@x', 'in', 'b@x/r', 'an old secret recipe', 1, 'received')",
  ).run();
  migrate(db, MIGRATIONS);
  assert.deepEqual(ids(createSearchRepo(db).search({ text: 'recipe' })), ['old']);
});

test('what the user types is words, never query syntax', () => {
  const { messages, search } = setup();
  messages.add(message('1', 'say "hello" OR bye', 1));
  for (const text of ['"', 'NEAR(', '* OR', 'hello" OR "x', ')', '-', '^'])
    assert.doesNotThrow(() => search.search({ text }), text);
  assert.equal(ftsExpression('  '), undefined);
  assert.equal(ftsExpression('a"b'), '"a"* "b"*');
  assert.deepEqual(ids(search.search({ text: 'hello" OR "x' })), []);
});
