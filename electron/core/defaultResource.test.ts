import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AccountId } from '../../shared/model/account.ts';
import { Core, createMemorySecretStore } from './index.ts';

test('the default resource is stable for an installation and differs between installations', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jd-install-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const open = (name: string) => new Core({ databasePath: join(dir, name), secrets: createMemorySecretStore() });
  const first = open('a.sqlite');
  const a = await first.commands['account.add']({ jid: 'a@example.org', password: 'x' });
  const b = await first.commands['account.add']({ jid: 'b@example.org', password: 'x' });
  assert.match(a.resource, /^JabberDesk\.[0-9a-f]{6}$/u);
  assert.equal(b.resource, a.resource, 'one installation, one default resource');
  await first.close();
  const again = open('a.sqlite');
  await again.commands['account.remove']({ account: 'a@example.org' as AccountId });
  assert.equal((await again.commands['account.add']({ jid: 'a@example.org', password: 'x' })).resource, a.resource);
  await again.close();
  const other = open('b.sqlite');
  const c = await other.commands['account.add']({ jid: 'a@example.org', password: 'x' });
  assert.notEqual(c.resource, a.resource, 'another installation');
  await other.close();
});
