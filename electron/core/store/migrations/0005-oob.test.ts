import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersion } from '../db.ts';
import { MIGRATIONS } from './index.ts';

test('0005 adds the shared-file URL to stored messages, existing rows untouched', () => {
  const db = new DatabaseSync(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 5),
  );
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('a@x', 'r', 1)").run();
  db.prepare(
    "INSERT INTO messages (id, account, peer, direction, from_jid, body, ts, state) VALUES ('m', 'a@x', 'b@x', 'in', 'b@x/r', 'hi', 1, 'received')",
  ).run();
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 5),
  );
  assert.equal(schemaVersion(db), 5);
  assert.equal(
    (db.prepare("SELECT oob_url FROM messages WHERE id = 'm'").get() as { oob_url: string | null }).oob_url,
    null,
  );
});
