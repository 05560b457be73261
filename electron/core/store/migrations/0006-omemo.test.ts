import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersion } from '../db.ts';
import { MIGRATIONS } from './index.ts';

test('0006 adds the OMEMO tables and message encryption; removing an account removes its keys', () => {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 6),
  );
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('a@x', 'r', 1)").run();
  db.prepare(
    "INSERT INTO messages (id, account, peer, direction, from_jid, body, ts, state) VALUES ('m', 'a@x', 'b@x', 'in', 'b@x/r', 'hi', 1, 'received')",
  ).run();
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 6),
  );
  assert.equal(schemaVersion(db), 6);
  assert.equal(
    (db.prepare("SELECT encryption FROM messages WHERE id = 'm'").get() as { encryption: string | null }).encryption,
    null,
  );
  db.prepare("INSERT INTO omemo_identity VALUES ('a@x', 7, x'05', x'01', 1, 1)").run();
  db.prepare("INSERT INTO omemo_devices (account, jid, device, first_seen) VALUES ('a@x', 'b@x', 9, 1)").run();
  assert.equal((db.prepare('SELECT trust FROM omemo_devices').get() as { trust: string }).trust, 'unknown');
  db.prepare("DELETE FROM accounts WHERE id = 'a@x'").run();
  assert.equal((db.prepare('SELECT count(*) AS n FROM omemo_identity').get() as { n: number }).n, 0);
  assert.equal((db.prepare('SELECT count(*) AS n FROM omemo_devices').get() as { n: number }).n, 0);
});
