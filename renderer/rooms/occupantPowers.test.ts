import { assert, test } from 'vitest';
import type { BareJid } from '../../shared/model/jid.ts';
import { occupantActions } from './occupantPowers.ts';

const jid = 'someone@example.org' as BareJid;
const labels = (...args: Parameters<typeof occupantActions>): string[] => occupantActions(...args).map((a) => a.label);

test('a participant may do nothing to others', () => {
  assert.deepEqual(
    labels({ role: 'participant', affiliation: 'member' }, { role: 'participant', affiliation: 'none', jid }),
    [],
  );
});

test('a moderator without affiliation kicks and (de)voices, but neither bans nor touches admins', () => {
  const us = { role: 'moderator', affiliation: 'none' } as const;
  assert.deepEqual(labels(us, { role: 'participant', affiliation: 'none', jid }), ['kick', 'mute']);
  assert.deepEqual(labels(us, { role: 'visitor', affiliation: 'none', jid }), ['kick', 'voice']);
  assert.deepEqual(labels(us, { role: 'moderator', affiliation: 'admin', jid }), []);
});

test('an admin bans and grants membership below its rank; moderator status too', () => {
  const us = { role: 'moderator', affiliation: 'admin' } as const;
  assert.deepEqual(labels(us, { role: 'participant', affiliation: 'none', jid }), [
    'kick',
    'mute',
    'moderator',
    'ban',
    'member',
  ]);
  assert.deepEqual(labels(us, { role: 'participant', affiliation: 'member', jid }), [
    'kick',
    'mute',
    'moderator',
    'ban',
    'unmember',
  ]);
  assert.deepEqual(labels(us, { role: 'moderator', affiliation: 'admin', jid }), [], 'another admin is out of reach');
  assert.deepEqual(
    labels(us, { role: 'participant', affiliation: 'none' }),
    ['kick', 'mute', 'moderator'],
    'no real JID, no affiliation',
  );
});

test('an owner grants and revokes admin and owner', () => {
  const us = { role: 'moderator', affiliation: 'owner' } as const;
  assert.deepEqual(labels(us, { role: 'participant', affiliation: 'member', jid }), [
    'kick',
    'mute',
    'moderator',
    'ban',
    'unmember',
    'admin',
    'owner',
  ]);
  assert.deepEqual(labels(us, { role: 'moderator', affiliation: 'admin', jid }), ['ban', 'owner', 'unmember']);
});
