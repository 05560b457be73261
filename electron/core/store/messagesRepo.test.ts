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

test('history pages walk back through messages that share a timestamp, in stored order, without skipping or repeating any', () => {
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
