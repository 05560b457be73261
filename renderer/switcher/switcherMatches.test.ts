import { assert, test } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { RosterItem } from '../../shared/model/roster.ts';
import { switcherMatches } from './switcherMatches.ts';

const account = 'me@x' as AccountId;
const item = (jid: string, name: string): RosterItem => ({
  jid: jid as BareJid,
  name,
  subscription: 'both',
  pendingOut: false,
  pendingIn: false,
  approved: false,
  groups: [],
});

test('name prefixes rank first, then word or JID prefixes, then substrings; open chats with strangers are found too', () => {
  const roster = {
    [account]: [
      item('anna@x', 'Maria Anna'),
      item('annabel@x', 'Annabel'),
      item('joanna@x', 'Jo'),
      item('bob@x', 'Bob'),
    ],
  };
  const names = (q: string): string[] => switcherMatches(roster, [`${account} stranger@y`], q).map((m) => m.name);
  assert.deepEqual(names('ann'), ['Annabel', 'Maria Anna', 'Jo']);
  assert.deepEqual(names('strang'), ['stranger']);
  assert.strictEqual(names('').length, 5);
  assert.deepEqual(names('zzz'), []);
});
