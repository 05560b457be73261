// Attacks by the server itself (or anyone between us and it): a stream without TLS or without
// authentication, a broken TLS upgrade, another user's JID, oversized and over-deep stanzas.
import { test } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import assert from 'node:assert/strict';
import type { AccountId } from '../../shared/model/account.ts';
import type { ConnectionState } from '../../shared/model/connection.ts';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { FEATURES, type HostileScript, type HostileServer, startHostileServer } from '../helpers/hostileXmppServer.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

const ACCOUNT = 'user@localhost' as AccountId;
const PASSWORD = 'correct horse battery staple';
const PASSWORD_B64 = Buffer.from(`\u0000user\u0000${PASSWORD}`).toString('base64');

interface Setup {
  core: Core;
  hostile: HostileServer;
  states: ConnectionState[];
  close(): Promise<void>;
}

async function attack(script: HostileScript): Promise<Setup> {
  const hostile = await startHostileServer(script);
  const core = new Core({
    databasePath: ':memory:',
    secrets: createMemorySecretStore(),
    backoff: { baseMs: 50, maxMs: 200 },
  });
  const states: ConnectionState[] = [];
  core.events.on('connection.stateChanged', (e) => states.push(e.state));
  await core.commands['account.add']({
    jid: ACCOUNT,
    password: PASSWORD,
    host: hostile.host,
    port: hostile.port,
    resource: 'r',
  });
  await core.commands['account.trustCertificate']({ account: ACCOUNT, fingerprint: hostile.fingerprint });
  return {
    core,
    hostile,
    states,
    close: async () => {
      await core.close();
      await hostile.stop();
    },
  };
}

const stateOf = (setup: Setup): ConnectionState => setup.core.runtime(ACCOUNT).state;

/** Connects and expects a refusal with that code, in one attempt, with nothing of the session sent. */
async function refused(setup: Setup, code: string): Promise<void> {
  await assert.rejects(setup.core.commands['account.connect']({ account: ACCOUNT }));
  const state = stateOf(setup);
  assert.equal(state.status, 'offline');
  assert.equal(state.status === 'offline' && state.code, code, JSON.stringify(state));
  // No retry loop: a refusal on principle is not tried again (a window in which a retry would have shown).
  await sleep(500);
  assert.equal(setup.hostile.transcripts.length, 1, 'one connection only');
  assert.ok(!setup.states.some((s) => s.status === 'online' || s.status === 'reconnecting'));
}

test('a plaintext server offering only <bind/> gets no bind, no stanza and no credentials', async (t) => {
  const setup = await attack({ features: { plain: FEATURES.bind, tls: '', authenticated: '' } });
  t.after(() => setup.close());
  await refused(setup, 'no-tls');
  const [sent] = setup.hostile.transcripts;
  assert.doesNotMatch(sent ?? '', /<iq|<presence|<message|<auth/u);
});

test('PLAIN offered without STARTTLS: the password never leaves', async (t) => {
  const setup = await attack({ features: { plain: FEATURES.plain, tls: '', authenticated: '' } });
  t.after(() => setup.close());
  await refused(setup, 'no-tls');
  const [sent] = setup.hostile.transcripts;
  assert.doesNotMatch(sent ?? '', /<auth|<iq/u);
  assert.ok(!sent?.includes(PASSWORD_B64) && !sent?.includes(PASSWORD));
});

test('STARTTLS answered with <proceed/> and then garbage: never online, nothing sent in clear', async (t) => {
  const setup = await attack({
    features: { plain: FEATURES.starttls, tls: '', authenticated: '' },
    afterProceed: 'garbage',
  });
  t.after(() => setup.close());
  await assert.rejects(setup.core.commands['account.connect']({ account: ACCOUNT }));
  await eventually(() => setup.hostile.transcripts.length >= 2, 'a second attempt (network-like failures are retried)');
  await setup.core.commands['account.disconnect']({ account: ACCOUNT });
  assert.ok(!setup.states.some((s) => s.status === 'online'));
  for (const sent of setup.hostile.transcripts) {
    assert.doesNotMatch(sent, /<auth|<iq|<presence|<message/u);
    assert.ok(!sent.includes(PASSWORD_B64) && !sent.includes(PASSWORD));
  }
});

test('TLS, then <bind/> without authentication: refused as a skipped login', async (t) => {
  const setup = await attack({ features: { plain: FEATURES.starttls, tls: FEATURES.bind, authenticated: '' } });
  t.after(() => setup.close());
  await refused(setup, 'no-auth');
  assert.doesNotMatch(setup.hostile.transcripts[0] ?? '', /<iq|<presence/u);
});

test("a server that binds another user's JID: the stream is closed before anything is sent", async (t) => {
  const setup = await attack({
    features: { plain: FEATURES.starttls, tls: FEATURES.plain, authenticated: FEATURES.bind },
    bindJid: () => 'mallory@localhost/evil',
  });
  t.after(() => setup.close());
  await refused(setup, 'wrong-jid');
  const sent = setup.hostile.transcripts[0] ?? '';
  const afterBind = sent.slice(sent.indexOf('urn:ietf:params:xml:ns:xmpp-bind') + 1);
  assert.doesNotMatch(afterBind, /<presence|jabber:iq:roster|<message|<pubsub/u);
});

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

const honest = {
  features: { plain: FEATURES.starttls, tls: FEATURES.plain, authenticated: FEATURES.bind },
  bindJid: (resource: string) => `user@localhost/${resource}`,
};

test('a 64 MiB stanza is cut at the limit with policy-violation; memory stays bounded; a server that keeps at it is given up on', async (t) => {
  const CHUNK = 'A'.repeat(64 * 1024);
  const setup = await attack({
    ...honest,
    online: async (connection) => {
      await connection.write(`<message from='eve@localhost/x' to='user@localhost/r' type='chat'><body>`);
      for (let sent = 0; sent < 64 * 1024 * 1024 && !connection.closed; sent += CHUNK.length) {
        if (!(await connection.write(CHUNK))) break;
      }
    },
  });
  t.after(() => setup.close());
  // What the engine keeps, not what it has yet to collect: the heap is sampled right after a collection
  // (resident memory also counted the attacker in this same process and the collector's timing).
  const retained = (): number => {
    collectGarbage();
    return process.memoryUsage().heapUsed;
  };
  const before = retained();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, retained())), 100);
  t.after(() => clearInterval(sampler));
  await setup.core.commands['account.connect']({ account: ACCOUNT });
  const gaveUp = await eventually(
    () => {
      const state = stateOf(setup);
      return state.status === 'offline' && state.code === 'abuse' ? state : undefined;
    },
    'the account gives up after repeated abuse',
    120_000,
  );
  assert.match(gaveUp?.reason ?? '', /oversized/u);
  clearInterval(sampler);
  assert.equal(setup.hostile.transcripts.length, 3, 'three strikes, then no more connections');
  for (const sent of setup.hostile.transcripts) assert.match(sent, /policy-violation/u);
  for (const sent of setup.hostile.transcripts) assert.match(sent, /<presence/u, 'each session was bound and in use');
  assert.equal(setup.core.store.messages.count(ACCOUNT), 0, 'nothing of the stanza was stored');
  const grewMiB = (peak - before) / 1024 / 1024;
  // Unbounded buffering would keep the 64 MiB body (at least as many bytes) before cutting it.
  assert.ok(grewMiB < 32, `the engine kept ${grewMiB.toFixed(0)} MiB`);
  await sleep(500);
  assert.equal(setup.hostile.transcripts.length, 3, 'still no reconnect loop');
});

test('10,000 nested elements close the stream with policy-violation, and the engine reconnects', async (t) => {
  const setup = await attack({
    ...honest,
    online: async (connection) => {
      await connection.write(
        `<message from='eve@localhost/x' to='user@localhost/r' type='chat'>${'<a>'.repeat(10_000)}`,
      );
    },
  });
  t.after(() => setup.close());
  await setup.core.commands['account.connect']({ account: ACCOUNT });
  // The attack comes on whichever connection first goes online (on a loaded machine, an earlier one may drop).
  const attacked = await eventually(
    () => {
      const index = setup.hostile.transcripts.findIndex((t) => t.includes('policy-violation'));
      return index >= 0 ? { index } : undefined;
    },
    'policy-violation sent',
    30_000,
  );
  await eventually(
    () => setup.hostile.transcripts.length > (attacked?.index ?? 0) + 1,
    'a reconnect with backoff',
    30_000,
  );
  await setup.core.commands['account.disconnect']({ account: ACCOUNT });
});
