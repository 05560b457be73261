// The XML console against a real server: the stream in and out as it happened, secrets redacted,
// raw stanzas sent and answered, live only while open, and never more than it may keep.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { CONSOLE_MAX_ENTRIES, type ConsoleEntry } from '../../shared/model/console.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('the console shows the login with SASL, the password and OMEMO keys redacted, and sends raw stanzas', async (t) => {
  const user = await newUser(server, 'consoler');
  const engine = await startEngine(server, user);
  t.after(() => engine.close());
  const { core, account } = engine;
  const own = await eventually(() => core.commands['omemo.ownDevice']({ account }), 'own OMEMO device');
  const entries = await eventually(async () => {
    const all = await core.commands['console.open']({ account });
    return all.some((e) => e.xml.includes('identityKey')) ? all : undefined;
  }, 'the OMEMO bundle went out');
  assert.ok(entries);

  const auth = entries.find((e) => e.dir === 'out' && e.xml.startsWith('<auth'));
  assert.ok(auth, 'the SASL start is there');
  assert.match(auth.xml, /\[redacted\]/u);
  assert.ok(entries.some((e) => e.dir === 'in' && e.xml.startsWith('<success')));
  const identityKey = Buffer.from(own?.fingerprint.replace(/[^0-9a-f]/giu, '') ?? '', 'hex').toString('base64');
  for (const entry of entries) {
    assert.ok(!entry.xml.includes(user.password), 'the password never shows');
    assert.ok(!entry.xml.includes(identityKey.slice(4, 40)), 'the identity key never shows');
  }
  assert.ok(entries.every((e, i) => i === 0 || e.seq > entries[i - 1]!.seq));

  const live: ConsoleEntry[] = [];
  const off = core.events.on('console.entry', (e) => e.account === account && live.push(e.entry));
  t.after(off);
  await core.commands['console.send']({
    account,
    xml: "<iq type='get' id='console-ping' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>",
  });
  await eventually(
    () => live.some((e) => e.dir === 'in' && e.kind === 'iq' && e.xml.includes('id="console-ping"')),
    'the answer to the raw ping, live',
  );
  assert.equal(live.filter((e) => e.dir === 'out' && e.xml.includes('console-ping')).length, 1);

  await assert.rejects(core.commands['console.send']({ account, xml: '<iq type=' }), /well-formed/u);
  await assert.rejects(core.commands['console.send']({ account, xml: '<a/><b/>' }), /exactly one/u);

  await core.commands['console.close']({ account });
  const before = live.length;
  await core.commands['console.send']({
    account,
    xml: "<iq type='get' id='quiet-ping' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>",
  });
  // Recorded when it was written, before send resolved: while the console was closed.
  assert.ok(!live.slice(before).some((e) => e.xml.includes('quiet-ping')), 'nothing went out live while closed');
  const kept = await core.commands['console.open']({ account });
  assert.equal(kept.filter((e) => e.dir === 'out' && e.xml.includes('quiet-ping')).length, 1, 'but it was kept');
});

test('the console keeps at most its limit of entries, the newest', async (t) => {
  const user = await newUser(server, 'chatty');
  const engine = await startEngine(server, user);
  t.after(() => engine.close());
  const { core, account } = engine;
  await eventually(async () => (await core.commands['console.open']({ account })).length > 5, 'online');
  const pings = Math.ceil(CONSOLE_MAX_ENTRIES / 2) + 50;
  for (let i = 0; i < pings; i++)
    await core.commands['console.send']({
      account,
      xml: `<iq type='get' id='flood-${i}' to='localhost'><ping xmlns='urn:xmpp:ping'/></iq>`,
    });
  const last = `flood-${pings - 1}`;
  const entries = await eventually(async () => {
    const all = await core.commands['console.open']({ account });
    return all.some((e) => e.dir === 'in' && e.xml.includes(`"${last}"`)) ? all : undefined;
  }, 'the last answer');
  assert.ok(entries);
  assert.equal(entries.length, CONSOLE_MAX_ENTRIES);
  assert.ok(!entries.some((e) => e.xml.includes('<auth')), 'the oldest went first');
});
