import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { RosterItem } from '../../../shared/model/roster.ts';
import { openStore } from './index.ts';

const account = 'me@example.org' as AccountId;
const item = (jid: string, extra: Partial<RosterItem> = {}): RosterItem => ({
  jid: jid as BareJid,
  name: '',
  subscription: 'both',
  pendingOut: false,
  pendingIn: false,
  approved: false,
  groups: [],
  ...extra,
});

test('a full roster fetch replaces the items but keeps incoming requests, strangers included', () => {
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
  store.roster.put(account, item('friend@x', { pendingIn: true, subscription: 'to' }));
  store.roster.put(account, item('stranger@x', { pendingIn: true, subscription: 'none' }));
  store.roster.put(account, item('gone@x'));
  store.roster.put(account, item('answered@x', { pendingIn: true, subscription: 'to' }));
  store.roster.replace(
    account,
    [item('friend@x', { name: 'Friend', subscription: 'to' }), item('new@x'), item('answered@x')],
    'v2',
  );
  assert.deepEqual(
    store.roster.list(account).map((i) => [i.jid, i.name, i.subscription, i.pendingIn]),
    [
      ['answered@x', '', 'both', false],
      ['friend@x', 'Friend', 'to', true],
      ['new@x', '', 'both', false],
      ['stranger@x', '', 'none', true],
    ],
  );
  assert.equal(store.roster.version(account), 'v2');
  assert.equal(store.roster.get(account, 'gone@x' as BareJid), undefined);
  store.close();
});
