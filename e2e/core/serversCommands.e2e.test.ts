// Service discovery (XEP-0030) and ad-hoc commands (XEP-0050, the XEP-0133 admin commands) on
// Prosody and on ejabberd: the outcome of each command is checked where it shows (a login, a message).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { AdhocStage } from '../../shared/model/disco.ts';
import { adminUser, newUser, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';
import { onEachServer } from '../server/servers.ts';
import { MUC_DOMAIN } from '../server/xmppServer.ts';

const ADD_USER = 'http://jabber.org/protocol/admin#add-user';
const ANNOUNCE = 'http://jabber.org/protocol/admin#announce';
/** The one command each server offers to anyone. */
const PUBLIC_COMMAND = { prosody: 'uptime', ejabberd: 'ping' } as const;

const run = (
  engine: TestEngine,
  request: Omit<Parameters<TestEngine['core']['commands']['adhoc.execute']>[0], 'account'>,
) => engine.core.commands['adhoc.execute']({ account: engine.account, ...request });

const fieldsOf = (stage: AdhocStage): Record<string, string> =>
  Object.fromEntries((stage.form?.fields ?? []).map((f) => [f.var, f.type]));

onEachServer((at, kind) => {
  test('the service browser finds the server, its group chat and upload services, and their identities', async () => {
    const me = await startEngine(at.server, await newUser(at.server, 'browser'));
    const info = await me.core.commands['disco.info']({ account: me.account, jid: 'localhost' });
    assert.ok(info.identities.some((i) => i.category === 'server' && i.type === 'im'));
    assert.ok(info.features.includes('http://jabber.org/protocol/commands'));
    const items = await me.core.commands['disco.items']({ account: me.account, jid: 'localhost' });
    assert.ok(items.some((i) => i.jid === MUC_DOMAIN));
    assert.ok(items.some((i) => i.jid === 'upload.localhost'));
    const muc = await me.core.commands['disco.info']({ account: me.account, jid: MUC_DOMAIN });
    assert.ok(muc.identities.some((i) => i.category === 'conference' && i.type === 'text'));
    await assert.rejects(
      me.core.commands['disco.info']({ account: me.account, jid: 'nothing.localhost' }),
      (error: Error & { reason?: { code: string } }) => typeof error.reason?.code === 'string',
      'an address nobody answers for is an error with a code',
    );
    await me.close();
  });

  test('a command anyone may run completes; a normal account is offered no admin command', async () => {
    const me = await startEngine(at.server, await newUser(at.server, 'user'));
    const commands = await me.core.commands['adhoc.list']({ account: me.account, jid: 'localhost' });
    assert.deepEqual(
      commands.map((c) => c.node),
      [PUBLIC_COMMAND[kind]],
    );
    const stage = await run(me, { jid: 'localhost', node: PUBLIC_COMMAND[kind] });
    assert.equal(stage.status, 'completed');
    assert.ok(stage.notes.length > 0 || (stage.form?.fields.length ?? 0) > 0, 'the command said something back');
    await me.close();
  });

  test('admin commands (XEP-0133): a form with required fields adds an account that can log in; an announcement reaches online users; cancel ends a session', async () => {
    const admin = await startEngine(at.server, await adminUser(at.server), {
      resource: `admin-${randomBytes(2).toString('hex')}`,
    });
    const nodes = (await admin.core.commands['adhoc.list']({ account: admin.account, jid: 'localhost' })).map(
      (c) => c.node,
    );
    assert.ok(nodes.includes(ADD_USER) && nodes.includes(ANNOUNCE), nodes.join(' '));

    const first = await run(admin, { jid: 'localhost', node: ADD_USER });
    assert.equal(first.status, 'executing');
    assert.equal(fieldsOf(first).accountjid, 'jid-single');
    assert.equal(fieldsOf(first).password, 'text-private');
    assert.ok(first.form?.fields.find((f) => f.var === 'accountjid')?.required);
    const username = `made-${randomBytes(3).toString('hex')}`;
    const password = randomBytes(9).toString('base64url');
    const done = await run(admin, {
      jid: 'localhost',
      node: ADD_USER,
      sessionId: first.sessionId,
      action: 'complete',
      values: { accountjid: [`${username}@localhost`], password: [password], 'password-verify': [password] },
    });
    assert.equal(done.status, 'completed', JSON.stringify(done.notes));
    const made = await startEngine(at.server, { username, password, jid: `${username}@localhost` as never });
    assert.equal(made.core.runtime(made.account).state.status, 'online', 'the new account logs in');

    const inbox: string[] = [];
    made.core.events.on('message.added', (m) => inbox.push(m.body));
    const announce = await run(admin, { jid: 'localhost', node: ANNOUNCE });
    // XEP-0133 names the text field "announcement" (Prosody); ejabberd calls it "body": the form says which.
    const text = announce.form?.fields.find((f) => f.type === 'text-multi')?.var ?? '';
    assert.ok(['announcement', 'body'].includes(text), text);
    const announced = await run(admin, {
      jid: 'localhost',
      node: ANNOUNCE,
      sessionId: announce.sessionId,
      action: 'complete',
      values: { subject: ['Maintenance'], [text]: ['The server restarts at noon.'] },
    });
    assert.equal(announced.status, 'completed');
    await eventually(() => inbox.some((b) => b.includes('The server restarts at noon.')), 'the announcement to arrive');

    const started = await run(admin, { jid: 'localhost', node: ADD_USER });
    const canceled = await run(admin, {
      jid: 'localhost',
      node: ADD_USER,
      sessionId: started.sessionId,
      action: 'cancel',
    });
    assert.equal(canceled.status, 'canceled');
    await Promise.all([admin.close(), made.close()]);
  });
});
