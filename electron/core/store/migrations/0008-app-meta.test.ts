import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import { migrate, schemaVersion } from '../db.ts';
import { MIGRATIONS } from './index.ts';

test('0008 moves the installation id and the password choice out of the secrets table', () => {
  const db = new DatabaseSync(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 8),
  );
  const put = db.prepare('INSERT INTO secrets (key, ciphertext) VALUES (?, ?)');
  put.run('installation-id', new TextEncoder().encode('a1b2c3'));
  put.run('preference:remember-passwords', new Uint8Array([0]));
  put.run('password:a@x', new Uint8Array([9, 9]));
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 8),
  );
  assert.equal(schemaVersion(db), 8);
  assert.deepEqual(
    (db.prepare('SELECT key, value FROM app_meta ORDER BY key').all() as { key: string; value: string }[]).map((r) => [
      r.key,
      r.value,
    ]),
    [
      ['installation-id', 'a1b2c3'],
      ['preference:remember-passwords', '0'],
    ],
  );
  assert.deepEqual(
    (db.prepare('SELECT key FROM secrets').all() as { key: string }[]).map((r) => r.key),
    ['password:a@x'],
  );
});
