import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presetValues } from './mucCreate.ts';

test('a private group is members-only with real addresses and unlisted; a channel is open, listed, addresses hidden', () => {
  const group = presetValues('private', 'Family');
  assert.deepEqual(
    [group['muc#roomconfig_membersonly'], group['muc#roomconfig_whois'], group['muc#roomconfig_publicroom']],
    [['1'], ['anyone'], ['0']],
  );
  const channel = presetValues('public', 'Open talk');
  assert.deepEqual(
    [channel['muc#roomconfig_membersonly'], channel['muc#roomconfig_whois'], channel['muc#roomconfig_publicroom']],
    [['0'], ['moderators'], ['1']],
  );
  for (const values of [group, channel]) {
    assert.deepEqual(values['muc#roomconfig_persistentroom'], ['1'], 'both are kept when empty');
    assert.deepEqual(values['muc#roomconfig_enablearchiving'], ['1'], 'both keep history for late joiners');
  }
  assert.deepEqual(group['muc#roomconfig_roomname'], ['Family']);
});
