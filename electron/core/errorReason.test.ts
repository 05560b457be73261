import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorReason } from './errorReason.ts';
import { StanzaError, TimeoutError } from './xmpp/errors.ts';
import { UserError } from './userError.ts';
import { MucError, MucJoinError } from './modules/muc/mucErrors.ts';
import { RegistrationError } from './modules/register/register.ts';
import { NotConnectedError } from './account/connection.ts';

const nodeError = (code: string, extra: Record<string, unknown> = {}): Error =>
  Object.assign(new Error(`${code} happened`), { code, ...extra });

test('stanza and room errors keep their condition; unknown conditions become undefined-condition', () => {
  assert.deepEqual(errorReason(new StanzaError('item-not-found', 'cancel', '')), { code: 'item-not-found' });
  assert.deepEqual(errorReason(new StanzaError('made-up', 'cancel', '')), { code: 'undefined-condition' });
  assert.deepEqual(errorReason(new MucError('registration-required', 'members only')), {
    code: 'registration-required',
  });
  assert.deepEqual(errorReason(new MucError('room-exists', 'x exists')), { code: 'room-exists' });
});

test('the engine own errors carry their code and parameters', () => {
  assert.deepEqual(errorReason(new UserError('No account a@b', 'no-account', { account: 'a@b' })), {
    code: 'no-account',
    params: { account: 'a@b' },
  });
  assert.deepEqual(errorReason(new NotConnectedError()), { code: 'not-connected' });
  assert.deepEqual(errorReason(new TimeoutError('ping', 10)), { code: 'timeout' });
});

test('network and TLS failures are named, with the host where known', () => {
  assert.deepEqual(errorReason(nodeError('ECONNREFUSED', { address: '127.0.0.1', port: 5222 })), {
    code: 'network-refused',
    params: { host: '127.0.0.1:5222' },
  });
  assert.deepEqual(errorReason(nodeError('ENOTFOUND', { hostname: 'nowhere.invalid' })), {
    code: 'network-unreachable',
    params: { host: 'nowhere.invalid' },
  });
  assert.deepEqual(errorReason(nodeError('DEPTH_ZERO_SELF_SIGNED_CERT')), { code: 'tls-failed' });
  assert.deepEqual(errorReason(nodeError('ECONNRESET')), { code: 'network-reset' });
  assert.deepEqual(errorReason(new Error('something odd')), { code: 'unknown' });
  assert.deepEqual(errorReason('a string'), { code: 'unknown' });
});

test('a refused join and a refused registration are worded for what was tried', () => {
  assert.deepEqual(errorReason(new MucJoinError('conflict', 'in use', 'Ann_')), {
    code: 'nick-taken',
    params: { suggestion: 'Ann_' },
  });
  assert.deepEqual(errorReason(new MucJoinError('not-authorized', 'password')), { code: 'room-password' });
  assert.deepEqual(errorReason(new MucJoinError('jid-malformed', 'odd')), { code: 'jid-malformed' });
  assert.deepEqual(errorReason(new RegistrationError('conflict', 'taken')), { code: 'username-taken' });
  assert.deepEqual(errorReason(new RegistrationError('bad-request', 'bad')), { code: 'bad-request' });
});
