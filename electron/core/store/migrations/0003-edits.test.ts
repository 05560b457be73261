import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersion } from '../db.ts';
import { init } from './0001-init.ts';
import { archive } from './0002-archive.ts';
import { edits } from './0003-edits.ts';

test('0003 adds edited/retracted flags to existing messages, defaulting to neither', () => {
  const db = new DatabaseSync(':memory:');
  migrate(db, [init, archive]);
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('a@x', 'r', 1)").run();
  db.prepare(
    "INSERT INTO messages (id, account, peer, direction, from_jid, body, ts, state) VALUES ('m1', 'a@x', 'p@x', 'in', 'p@x/r', 'hi', 1, 'received')",
  ).run();
  migrate(db, [init, archive, edits]);
  assert.equal(schemaVersion(db), 3);
  assert.deepEqual(
    { ...db.prepare("SELECT edited, retracted FROM messages WHERE id = 'm1'").get() },
    { edited: 0, retracted: 0 },
  );
});
