// Stream errors by kind: a resource conflict stops reconnecting until the user asks; see-other-host is
// followed once (with TLS for the same domain); system-shutdown reconnects with backoff; policy-violation,
// not-authorized and host-unknown end in their own states.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectionState } from '../../shared/model/connection.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, rawClient, startEngine } from '../helpers/accounts.ts';
import { FEATURES, startHostileServer } from '../helpers/hostileXmppServer.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const streamError = (condition: string, content = ''): string =>
  `<stream:error><${condition} xmlns='urn:ietf:params:xml:ns:xmpp-streams'>${content}</${condition}></stream:error></stream:stream>`;

test('another login with our resource: offline with "conflict", no reconnect until asked', async (t) => {
  const user = await newUser(server, 'twice');
  const engine = await startEngine(server, user, { resource: 'desk' });
  const intruder = await rawClient(server, user, 'desk');
  t.after(async () => {
    await intruder.stop().catch(() => undefined);
    await engine.close();
  });
  const state = await eventually(() => {
    const s = engine.core.runtime(user.jid).state;
    return s.status === 'offline' && s.code ? s : undefined;
  }, 'the conflict');
  assert.equal(state?.status === 'offline' && state.code, 'conflict');
  await sleep(800);
  assert.equal(engine.core.runtime(user.jid).state.status, 'offline', 'no reconnect fight over the resource');
  await engine.core.commands['account.connect']({ account: user.jid });
  assert.equal(engine.core.runtime(user.jid).state.status, 'online', 'Reconnect takes it back');
});

test('see-other-host is followed once, to a server that must still prove the domain', async (t) => {
  const redirector = await startHostileServer({
    features: { plain: '', tls: '', authenticated: '' },
    openWith: () => streamError('see-other-host', `127.0.0.1:${server.ports.c2s}`),
  });
  const user = await newUser(server, 'moved');
  const engine = await startEngine(server, user, { connect: false });
  t.after(async () => {
    await engine.close();
    await redirector.stop();
  });
  await engine.core.commands['account.update']({ account: user.jid, port: redirector.port });
  await engine.core.commands['account.connect']({ account: user.jid }).catch(() => undefined);
  await eventually(() => engine.core.runtime(user.jid).state.status === 'online', 'online at the other host');
  assert.equal(redirector.transcripts.length, 1);

  // A redirect to a server that redirects again is not followed a second time.
  const loop = await startHostileServer({
    features: { plain: '', tls: '', authenticated: '' },
    openWith: () => streamError('see-other-host', `127.0.0.1:${redirector.port}`),
  });
  t.after(() => loop.stop());
  await engine.core.commands['account.disconnect']({ account: user.jid });
  await engine.core.commands['account.update']({ account: user.jid, port: loop.port });
  await engine.core.commands['account.connect']({ account: user.jid }).catch(() => undefined);
  const stopped = await eventually(() => {
    const s = engine.core.runtime(user.jid).state;
    return s.status === 'offline' && s.code ? s : undefined;
  }, 'a refusal to follow again');
  assert.equal(stopped?.status === 'offline' && stopped.code, 'redirect-loop');
});

test('system-shutdown reconnects with backoff; policy-violation, not-authorized and host-unknown stop with their own code', async (t) => {
  for (const condition of ['system-shutdown', 'policy-violation', 'not-authorized', 'host-unknown']) {
    const hostile = await startHostileServer({
      features: { plain: FEATURES.starttls, tls: '', authenticated: '' },
      openWith: () => streamError(condition),
    });
    const user = await newUser(server, 'errors');
    const engine = await startEngine(server, user, { connect: false });
    t.after(async () => {
      await engine.close();
      await hostile.stop();
    });
    const states: ConnectionState[] = [];
    engine.core.events.on('connection.stateChanged', (e) => states.push(e.state));
    await engine.core.commands['account.update']({ account: user.jid, port: hostile.port });
    await engine.core.commands['account.connect']({ account: user.jid }).catch(() => undefined);
    if (condition === 'system-shutdown') {
      await eventually(() => hostile.transcripts.length >= 2, 'a second attempt after the shutdown');
      assert.ok(states.some((s) => s.status === 'reconnecting'));
      await engine.core.commands['account.disconnect']({ account: user.jid });
    } else {
      const state = engine.core.runtime(user.jid).state;
      assert.equal(state.status === 'offline' && state.code, condition, condition);
      await sleep(300);
      assert.equal(hostile.transcripts.length, 1, `${condition}: no retry`);
    }
  }
});
