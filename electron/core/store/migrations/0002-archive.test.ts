import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersion } from '../db.ts';
import { init } from './0001-init.ts';
import { archive } from './0002-archive.ts';

test('0002 adds the archive sync state on top of 0001, tied to the account', () => {
  const db = new DatabaseSync(':memory:');
  db.exec('PRAGMA foreign_keys = ON');
  migrate(db, [init]);
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('a@x', 'r', 1)").run();
  migrate(db, [init, archive]);
  assert.equal(schemaVersion(db), 2);
  db.prepare("INSERT INTO archive_sync (account, last_id, last_ts) VALUES ('a@x', 'id-1', 5)").run();
  assert.throws(() => db.prepare("INSERT INTO archive_sync (account) VALUES ('nobody@x')").run(), /FOREIGN KEY/);
  db.prepare("DELETE FROM accounts WHERE id = 'a@x'").run();
  assert.equal((db.prepare('SELECT count(*) AS n FROM archive_sync').get() as { n: number }).n, 0);
});
