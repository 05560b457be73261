import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DatabaseSync } from 'node:sqlite';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import { migrate, schemaVersion } from '../db.ts';
import { createConversationsRepo } from '../conversationsRepo.ts';
import { MIGRATIONS } from './index.ts';

test('0009: history from before the upgrade counts as read; later messages as unread', () => {
  const db = new DatabaseSync(':memory:');
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version < 9),
  );
  db.prepare("INSERT INTO accounts (id, resource, created_at) VALUES ('a@x', 'r', 1)").run();
  const add = db.prepare(
    "INSERT INTO messages (id, account, peer, direction, from_jid, body, ts, state) VALUES (?, 'a@x', 'b@x', 'in', 'b@x/r', ?, ?, 'received')",
  );
  add.run('m1', 'old', 10);
  add.run('m2', 'older news', 20);
  migrate(
    db,
    MIGRATIONS.filter((m) => m.version <= 9),
  );
  assert.equal(schemaVersion(db), 9);
  const repo = createConversationsRepo(db);
  const before = repo.get('a@x' as AccountId, 'b@x' as BareJid);
  assert.equal(before.unread, 0);
  assert.equal(before.last?.body, 'older news');
  add.run('m3', 'new', 30);
  assert.equal(repo.get('a@x' as AccountId, 'b@x' as BareJid).unread, 1);
});
