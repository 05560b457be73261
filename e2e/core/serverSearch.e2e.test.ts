// "Search older messages on the server" (XEP-0431 over XEP-0313) against Prosody with a full-text
// archive (a test module), and against one without: the engine says it is not supported.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody({ withMamFulltext: true });
});
after(async () => {
  await server.stop();
});

test('a new device finds old messages on the server by their words, page by page; encrypted ones are not searched', async () => {
  const [meUser, friendUser] = [await newUser(server, 'archivist'), await newUser(server, 'writer')];
  await makeContacts(server, meUser, friendUser, { name: 'Writer' }, { name: 'Archivist' });
  const friend = await startEngine(server, friendUser);
  const old = await startEngine(server, meUser, { resource: 'old' });
  const send = (body: string) => friend.core.commands['chat.send']({ account: friend.account, to: meUser.jid, body });
  await friend.core.commands['omemo.setEnabled']({ account: friend.account, peer: meUser.jid, enabled: true });
  await send('the harbour code is secret');
  await friend.core.commands['omemo.setEnabled']({ account: friend.account, peer: meUser.jid, enabled: false });
  await send('Meet me at the Harbour at dawn');
  for (let i = 0; i < 55; i++) await send(`lantern note ${i}`);
  await eventually(() => old.core.store.messages.count(old.account) >= 57, 'all archived', 30_000);
  await old.close();

  const fresh = await startEngine(server, meUser, { resource: 'new' });
  const found = await fresh.core.commands['search.server']({ account: fresh.account, text: 'harbour' });
  assert.equal(found.supported, true);
  assert.deepEqual(
    found.hits.map((h) => [h.body, h.peer, h.direction]),
    [['Meet me at the Harbour at dawn', friendUser.jid, 'in']],
    'the plain message once; the encrypted one is not searchable on a server',
  );
  const first = await fresh.core.commands['search.server']({
    account: fresh.account,
    text: 'lantern',
    peer: friendUser.jid,
  });
  assert.equal(first.hits.length, 50);
  assert.equal(first.complete, false);
  assert.equal(first.hits[0]?.body, 'lantern note 54', 'newest first');
  const rest = await fresh.core.commands['search.server']({
    account: fresh.account,
    text: 'lantern',
    peer: friendUser.jid,
    ...(first.older ? { before: first.older } : {}),
  });
  assert.deepEqual(
    rest.hits.map((h) => h.body),
    ['lantern note 4', 'lantern note 3', 'lantern note 2', 'lantern note 1', 'lantern note 0'],
  );
  assert.equal(rest.complete, true);
  await Promise.all([fresh.close(), friend.close()]);
});

test('a server without full-text search is reported as such, not as an empty result', async () => {
  const plain = await startProsody();
  try {
    const user = await newUser(plain, 'plain');
    const engine = await startEngine(plain, user);
    const result = await engine.core.commands['search.server']({ account: engine.account, text: 'anything' });
    assert.deepEqual(result, { supported: false, hits: [], complete: true });
    await engine.close();
  } finally {
    await plain.stop();
  }
});
