// The chat list's data through a real server: unread and mention counts, read here, by our own reply
// or set by the user, pinned, closed until the next message, drafts — and all of it after a restart.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import type { Conversation } from '../../shared/model/conversation.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const conversation = async (engine: TestEngine | { core: Core; account: string }, peer: string) =>
  (await engine.core.commands['chat.conversations']({})).find((c) => c.account === engine.account && c.peer === peer);

test('unread counts follow messages, reading, our own reply and the user; pin, close and drafts survive a restart', async (t) => {
  const dir = mkdtempSync(`${server.base}/conv-`);
  const [aUser, bUser] = [await newUser(server, 'lister'), await newUser(server, 'writer')];
  const a = await startEngine(server, aUser, { databasePath: `${dir}/a.sqlite` });
  const b = await startEngine(server, bUser);
  t.after(() => b.close());
  await befriend(a, b, { name: 'Writer' }, { name: 'Lister' });
  await b.core.commands['omemo.setEnabled']({ account: b.account, peer: a.account, enabled: false });
  const events: Conversation[] = [];
  a.core.events.on('chat.conversation', (e) => e.conversation.peer === b.account && events.push(e.conversation));

  for (const body of ['one', 'two', 'three'])
    await b.core.commands['chat.send']({ account: b.account, to: a.account, body });
  const three = await eventually(async () => {
    const c = await conversation(a, b.account);
    return c?.unread === 3 ? c : undefined;
  }, 'three unread');
  assert.equal(three?.kind, 'chat');
  assert.equal(three?.last?.body, 'three');
  await eventually(() => events.at(-1)?.unread === 3, 'the list was told');
  assert.ok(events.length <= 3, `one event per turn, not per stanza: ${events.length}`);

  await a.core.commands['chat.markRead']({ account: a.account, peer: b.account });
  assert.equal((await conversation(a, b.account))?.unread, 0);
  await b.core.commands['chat.send']({ account: b.account, to: a.account, body: 'four' });
  await eventually(async () => (await conversation(a, b.account))?.unread === 1, 'one more');
  await a.core.commands['chat.send']({ account: a.account, to: b.account, body: 'my reply' });
  const replied = await conversation(a, b.account);
  assert.equal(replied?.unread, 0, 'replying means having read');
  assert.equal(replied?.last?.direction, 'out');

  await a.core.commands['chat.setUnread']({ account: a.account, peer: b.account, unread: true });
  assert.equal((await conversation(a, b.account))?.markedUnread, true);
  await a.core.commands['chat.close']({ account: a.account, peer: b.account });
  assert.equal((await conversation(a, b.account))?.closed, true);
  await b.core.commands['chat.send']({ account: b.account, to: a.account, body: 'are you there?' });
  await eventually(async () => (await conversation(a, b.account))?.closed === false, 'back with the next message');

  await a.core.commands['chat.setPinned']({ account: a.account, peer: b.account, pinned: true });
  await a.core.commands['chat.setDraft']({ account: a.account, peer: b.account, text: 'half a thought' });
  const stranger = 'nobody@localhost' as BareJid;
  await a.core.commands['chat.touch']({ account: a.account, peer: stranger });
  await a.close();

  const secrets = createMemorySecretStore();
  await secrets.set(`password:${aUser.jid}`, aUser.password);
  const again = new Core({ databasePath: `${dir}/a.sqlite`, secrets });
  t.after(() => again.close());
  const restored = await conversation({ core: again, account: a.account }, b.account);
  assert.equal(restored?.pinned, true);
  assert.equal(restored?.draft, 'half a thought');
  assert.equal(restored?.unread, 1);
  const started = await conversation({ core: again, account: a.account }, stranger);
  assert.ok(started && !started.last && started.activity > 0, 'a chat started without messages is listed');
});

test('a joined room is listed before any message; mentions are counted apart', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'roomie'), await newUser(server, 'talker')];
  const [a, b] = [await startEngine(server, aUser), await startEngine(server, bUser)];
  t.after(() => Promise.all([a.close(), b.close()]));
  const room = `listed-${Date.now()}@conference.localhost` as BareJid;
  await a.core.commands['muc.join']({ account: a.account, room, nick: 'Roomie' });
  const empty = await eventually(() => conversation(a, room), 'the room in the list');
  assert.equal(empty?.kind, 'room');
  assert.equal(empty?.unread, 0);
  await b.core.commands['muc.join']({ account: b.account, room, nick: 'Talker' });
  await b.core.commands['muc.send']({ account: b.account, room, body: 'hello all' });
  await b.core.commands['muc.send']({ account: b.account, room, body: 'Roomie: a question for you' });
  const counted = await eventually(async () => {
    const c = await conversation(a, room);
    return c?.unread === 2 ? c : undefined;
  }, 'two unread in the room');
  assert.equal(counted?.mentions, 1);
  await a.core.commands['muc.markRead']({ account: a.account, room });
  assert.deepEqual([(await conversation(a, room))?.unread, (await conversation(a, room))?.mentions], [0, 0]);
});
