// A server whose certificate changes after it was trusted is reported as a change, with both
// fingerprints, not as a first-use prompt; the old trust does not carry over.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectionState } from '../../shared/model/connection.ts';
import { dispatchCommand } from '../../electron/core/index.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { FEATURES, startHostileServer } from '../helpers/hostileXmppServer.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('a changed certificate is named as a change with both fingerprints; a first one is a first-use prompt', async (t) => {
  const user = await newUser(server);
  const engine = await startEngine(server, user);
  // The same name now answers with another certificate (a new key, or someone in between).
  const impostor = await startHostileServer({ features: { plain: FEATURES.starttls, tls: '', authenticated: '' } });
  t.after(async () => {
    await engine.close();
    await impostor.stop();
  });
  assert.notEqual(impostor.fingerprint, server.fingerprint);
  await engine.core.commands['account.disconnect']({ account: user.jid });
  await engine.core.commands['account.update']({ account: user.jid, port: impostor.port });
  const result = await dispatchCommand(engine.core.commands, 'account.connect', { account: user.jid });
  assert.equal(result.ok, false);
  assert.equal(result.ok === false && result.error.certificate?.previousFingerprint, server.fingerprint);
  const state = engine.core.runtime(user.jid).state as Extract<ConnectionState, { status: 'certificateUntrusted' }>;
  assert.equal(state.status, 'certificateUntrusted');
  assert.equal(state.fingerprint, impostor.fingerprint);
  assert.equal(state.previousFingerprint, server.fingerprint);
  assert.equal(impostor.transcripts.join('').includes('<auth'), false, 'nothing was sent to the impostor');

  // Without any certificate trusted before, the same server is a first use.
  const fresh = await startEngine(server, await newUser(server, 'fresh'), { pin: false, connect: false });
  t.after(() => fresh.close());
  await fresh.core.commands['account.update']({ account: fresh.account, port: impostor.port });
  const first = await dispatchCommand(fresh.core.commands, 'account.connect', { account: fresh.account });
  assert.equal(first.ok === false && first.error.certificate?.fingerprint, impostor.fingerprint);
  assert.equal(first.ok === false && first.error.certificate?.previousFingerprint, undefined);
});
