import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectionState } from '../../shared/model/connection.ts';
import { Core, createMemorySecretStore, dispatchCommand } from '../../electron/core/index.ts';
import { fetchRegistrationForm, registerAccount } from '../../electron/core/modules/register/register.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { endpointOf, newUser, startEngine } from '../helpers/accounts.ts';
import { waitForEvent } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('logs in over STARTTLS with SCRAM and reports online with the bound JID', async () => {
  const user = await newUser(server);
  const engine = await startEngine(server, user, { connect: false, resource: 'desk' });
  const online = waitForEvent(engine.core, 'connection.stateChanged', (e) => e.state.status === 'online');
  await engine.core.commands['account.connect']({ account: user.jid });
  const { state } = await online;
  assert.deepEqual(state, { status: 'online', jid: `${user.jid}/desk` });
  await engine.close();
});

test('logs in over direct TLS (XEP-0368)', async () => {
  const user = await newUser(server);
  const core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  await core.commands['account.add']({
    jid: user.jid,
    password: user.password,
    host: server.host,
    port: server.ports.directTls,
    tls: 'direct',
  });
  await core.commands['account.trustCertificate']({ account: user.jid, fingerprint: server.fingerprint });
  await core.commands['account.connect']({ account: user.jid });
  assert.equal(core.runtime(user.jid).state.status, 'online');
  await core.close();
});

test('a wrong password fails with a clear error and no retry loop; fixing it works', async () => {
  const user = await newUser(server);
  const engine = await startEngine(server, { ...user, password: 'wrong-password' }, { connect: false });
  const states: ConnectionState[] = [];
  engine.core.events.on('connection.stateChanged', (e) => states.push(e.state));
  await assert.rejects(engine.core.commands['account.connect']({ account: user.jid }), /not-authorized/);
  assert.equal(engine.core.runtime(user.jid).state.status, 'authFailed');
  await new Promise((r) => setTimeout(r, 400));
  assert.deepEqual(
    states.map((s) => s.status),
    ['connecting', 'authFailed'],
    'no reconnect after an auth failure',
  );
  await engine.core.commands['account.update']({ account: user.jid, password: user.password });
  await engine.core.commands['account.connect']({ account: user.jid });
  assert.equal(engine.core.runtime(user.jid).state.status, 'online');
  await engine.close();
});

test('an untrusted certificate is refused with its fingerprint, and accepted once pinned', async () => {
  const user = await newUser(server);
  const engine = await startEngine(server, user, { pin: false, connect: false });
  await assert.rejects(engine.core.commands['account.connect']({ account: user.jid }), (error: Error) =>
    error.message.includes(server.fingerprint),
  );
  const state = engine.core.runtime(user.jid).state;
  assert.equal(state.status, 'certificateUntrusted');
  assert.equal(state.status === 'certificateUntrusted' && state.fingerprint, server.fingerprint);
  const malformed = await dispatchCommand(engine.core.commands, 'account.trustCertificate', {
    account: user.jid,
    fingerprint: 'AA:BB',
  });
  assert.equal(malformed.ok === false && malformed.error.code, 'invalid-argument');
  const other = server.fingerprint.replace(/^../u, server.fingerprint.startsWith('00') ? '11' : '00');
  await engine.core.commands['account.trustCertificate']({ account: user.jid, fingerprint: other });
  // A pin for another certificate: the server's differs from the one trusted, which is a change.
  await assert.rejects(engine.core.commands['account.connect']({ account: user.jid }), /certificate changed/);
  await engine.core.commands['account.trustCertificate']({ account: user.jid, fingerprint: server.fingerprint });
  await engine.core.commands['account.connect']({ account: user.jid });
  assert.equal(engine.core.runtime(user.jid).state.status, 'online');
  await engine.close();
});

test('in-band registration shows the server form and reports a taken username clearly', async () => {
  const form = await fetchRegistrationForm(endpointOf(server));
  assert.deepEqual(
    form.fields
      .filter((f) => f.required)
      .map((f) => f.name)
      .sort(),
    ['password', 'username'],
  );
  const user = await newUser(server);
  await assert.rejects(registerAccount(endpointOf(server), user.username, 'another-password', {}), {
    name: 'RegistrationError',
    condition: 'conflict',
    message: /already taken/,
  });
  await assert.rejects(fetchRegistrationForm(endpointOf(server, false)), { name: 'CertificateError' });
});

test('registration through the contract creates an account that can log in', async () => {
  const core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  const username = `reg-${Date.now().toString(36)}`;
  const jid = await core.commands['account.register']({
    domain: server.domain,
    host: server.host,
    port: server.ports.c2s,
    pinnedFingerprint: server.fingerprint,
    username,
    password: 'a-good-password',
    fields: {},
  });
  assert.equal(jid, `${username}@localhost`);
  await core.commands['account.add']({ jid, password: 'a-good-password', host: server.host, port: server.ports.c2s });
  await core.commands['account.trustCertificate']({ account: jid, fingerprint: server.fingerprint });
  await core.commands['account.connect']({ account: jid });
  assert.equal(core.runtime(jid).state.status, 'online');
  await core.close();
});

test('two connect calls at once share one attempt and both resolve online', async () => {
  const user = await newUser(server);
  const engine = await startEngine(server, user, { connect: false });
  const connecting: string[] = [];
  engine.core.events.on('connection.stateChanged', (e) => {
    if (e.state.status === 'connecting') connecting.push(e.account);
  });
  await Promise.all([
    engine.core.commands['account.connect']({ account: user.jid }),
    engine.core.commands['account.connect']({ account: user.jid }),
  ]);
  assert.equal(engine.core.runtime(user.jid).state.status, 'online');
  assert.equal(connecting.length, 1);
  await engine.close();
});
