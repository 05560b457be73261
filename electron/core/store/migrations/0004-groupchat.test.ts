import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersion } from '../db.ts';
import { MIGRATIONS } from './index.ts';

test('0004 adds group chat columns and the rooms table, removed with the account', () => {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 4),
  );
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('a@x', 'r', 1)").run();
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 4),
  );
  assert.equal(schemaVersion(db), 4);
  db.prepare("INSERT INTO rooms (account, jid, nick) VALUES ('a@x', 'room@muc.x', 'me')").run();
  db.prepare(
    "INSERT INTO messages (id, account, peer, direction, from_jid, body, ts, state, groupchat, occupant_id) VALUES ('m', 'a@x', 'room@muc.x', 'in', 'room@muc.x/bob', 'hi', 1, 'received', 1, 'occ-1')",
  ).run();
  db.prepare("DELETE FROM accounts WHERE id = 'a@x'").run();
  assert.equal((db.prepare('SELECT count(*) AS n FROM rooms').get() as { n: number }).n, 0);
});
