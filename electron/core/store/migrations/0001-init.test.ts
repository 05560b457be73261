import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersion } from '../db.ts';
import { init } from './0001-init.ts';

test('0001 creates the schema from an empty database and enforces its constraints', () => {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db, [init]);
  assert.equal(schemaVersion(db), 1);
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('a@x', 'r', 1)").run();
  assert.throws(
    () => db.prepare("INSERT INTO accounts (id, resource, priority, created_at) VALUES ('b@x', 'r', 200, 1)").run(),
    /CHECK/,
  );
  const insert = db.prepare(
    "INSERT INTO messages (id, account, peer, direction, from_jid, body, ts, state, origin_id) VALUES (?, 'a@x', 'p@x', 'in', 'p@x/r', 'hi', 1, 'received', 'o1')",
  );
  insert.run('m1');
  assert.throws(() => insert.run('m2'), /UNIQUE/);
  db.prepare("DELETE FROM accounts WHERE id = 'a@x'").run();
  assert.equal((db.prepare('SELECT count(*) AS n FROM messages').get() as { n: number }).n, 0);
  migrate(db, [init]);
  assert.equal(schemaVersion(db), 1);
});
