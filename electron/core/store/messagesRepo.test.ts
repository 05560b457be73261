import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { ChatMessage } from '../../../shared/model/message.ts';
import { openStore } from './index.ts';

const account = 'me@example.org' as AccountId;
const peer = 'you@example.org' as BareJid;
const message = (id: string, timestamp: number): ChatMessage => ({
  id,
  account,
  peer,
  direction: 'in',
  from: `${peer}/r`,
  body: id,
  timestamp,
  state: 'received',
});

function storeWithAccount(): ReturnType<typeof openStore> {
  const store = openStore(':memory:');
  store.accounts.upsert({
    id: account,
    resource: 'r',
    priority: 0,
    tls: 'starttls',
    presenceShow: 'online',
    presenceStatus: '',
    enabled: true,
    color: '',
    position: 0,
  });
  return store;
}

test('a copy is found by origin-id or stanza-id in its own chat only, each through an index search on that id', () => {
  const store = storeWithAccount();
  store.messages.add({ ...message('m1', 1000), originId: 'o-1', stanzaId: 's-1' });
  store.messages.add({ ...message('m2', 1001), originId: 'o-2' });
  assert.equal(store.messages.hasCopy(account, peer, 'o-1', undefined), true);
  assert.equal(store.messages.hasCopy(account, peer, undefined, 's-1'), true);
  assert.equal(store.messages.hasCopy(account, peer, 'o-9', 's-1'), true);
  assert.equal(store.messages.hasCopy(account, peer, 'o-2', 's-9'), true);
  assert.equal(store.messages.hasCopy(account, peer, 'o-9', 's-9'), false);
  assert.equal(store.messages.hasCopy(account, peer, undefined, undefined), false);
  assert.equal(store.messages.hasCopy(account, 'other@example.org' as BareJid, 'o-1', 's-1'), false);
  // Every incoming message asks this: walking the chat's messages would grow with the chat.
  const plan = (query: string): string =>
    store.db
      .prepare(`EXPLAIN QUERY PLAN ${query}`)
      .all(account, 'x', peer)
      .map((row) => String(row.detail))
      .join(' ');
  assert.match(
    plan('SELECT 1 FROM messages WHERE account = ? AND origin_id = ? AND peer = ? LIMIT 1'),
    /INDEX \w+ \(account=\? AND origin_id=\? AND peer=\?\)/,
  );
  assert.match(
    plan('SELECT 1 FROM messages WHERE account = ? AND stanza_id = ? AND peer = ? LIMIT 1'),
    /INDEX \w+ \(account=\? AND stanza_id=\?\)/,
  );
  store.close();
});

test('history pages walk back through messages that share a timestamp, in stored order, without skipping or repeating any', () => {
  const store = storeWithAccount();
  const ids = ['g', 'b', 'e', 'a', 'd', 'f', 'c'];
  ids.forEach((id, i) => store.messages.add(message(id, i < 2 ? 1000 : 2000)));
  const seen: string[] = [];
  let page = store.messages.history(account, peer, Number.MAX_SAFE_INTEGER, 3);
  while (page.length > 0) {
    seen.unshift(...page.map((m) => m.id));
    const oldest = page[0];
    assert.ok(oldest);
    page = store.messages.history(account, peer, oldest.timestamp, 3, oldest.id);
  }
  assert.deepEqual(seen, ids);
  store.close();
});
