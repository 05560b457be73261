import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StanzaError, TimeoutError } from '../../xmpp/errors.ts';
import { selfPingLostMembership } from './muc.ts';

test('self-ping: only the room\'s "you are not here" answers trigger a rejoin', () => {
  for (const condition of ['not-acceptable', 'item-not-found', 'not-allowed', 'remote-server-not-found']) {
    assert.equal(selfPingLostMembership(new StanzaError(condition, 'cancel', '')), true, condition);
  }
  for (const condition of ['service-unavailable', 'feature-not-implemented']) {
    assert.equal(
      selfPingLostMembership(new StanzaError(condition, 'cancel', '')),
      false,
      `${condition}: the client did not answer, but we are in`,
    );
  }
  assert.equal(selfPingLostMembership(new TimeoutError('iq ping', 10_000)), false, 'a timeout alone proves nothing');
});
