import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersion } from '../db.ts';
import { MIGRATIONS } from './index.ts';

test('0007 adds the sender JID and the refused-correction mark, existing rows untouched', () => {
  const db = new DatabaseSync(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 7),
  );
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('a@x', 'r', 1)").run();
  db.prepare(
    "INSERT INTO messages (id, account, peer, direction, from_jid, body, ts, state) VALUES ('m', 'a@x', 'room@muc.x', 'in', 'Nick', 'hi', 1, 'received')",
  ).run();
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 7),
  );
  assert.equal(schemaVersion(db), 7);
  assert.deepEqual(
    { ...(db.prepare("SELECT sender_jid, refused_correction, body FROM messages WHERE id = 'm'").get() as object) },
    { sender_jid: null, refused_correction: 0, body: 'hi' },
  );
});
