import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from './index.ts';

const mode = (path: string): number => statSync(path).mode & 0o777;

test('the data folder is 0700 and the database files 0600, new or existing', (t) => {
  const base = mkdtempSync(join(tmpdir(), 'jd-modes-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const dir = join(base, 'userData');
  const path = join(dir, 'jabberdesk.sqlite');
  const store = openStore(path);
  store.accounts.list();
  assert.equal(mode(dir), 0o700);
  assert.equal(mode(path), 0o600);
  assert.equal(mode(`${path}-wal`), 0o600);
  store.close();

  // A database left readable by an older version is tightened on the next start.
  const old = join(base, 'old');
  const oldPath = join(old, 'db.sqlite');
  openStore(oldPath).close();
  chmodSync(old, 0o755);
  chmodSync(oldPath, 0o644);
  writeFileSync(`${oldPath}-wal`, '');
  chmodSync(`${oldPath}-wal`, 0o644);
  openStore(oldPath).close();
  assert.equal(mode(old), 0o700);
  assert.equal(mode(oldPath), 0o600);
});
