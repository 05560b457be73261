// Replies (XEP-0461 with the XEP-0428 fallback) and reactions (XEP-0444) between two real engines
// through Prosody: in an encrypted chat, in a room, and replayed from the archive on a new device.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
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

const history = async (engine: TestEngine, peer: string): Promise<ChatMessage[]> =>
  engine.core.commands['chat.history']({ account: engine.account, peer: peer as BareJid, limit: 50 });
const find = async (engine: TestEngine, peer: string, body: string): Promise<ChatMessage | undefined> =>
  (await history(engine, peer)).find((m) => m.body === body);

test('an encrypted reply shows without its fallback quote; reactions are added, changed, taken back, and replayed once', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'replier'), await newUser(server, 'asker')];
  const [a, b] = [await startEngine(server, aUser), await startEngine(server, bUser)];
  t.after(() => Promise.all([a.close(), b.close()]));
  await befriend(a, b, { name: 'Asker' }, { name: 'Replier' });
  await eventually(
    async () =>
      (await a.core.commands['omemo.chatState']({ account: a.account, peer: b.account, refresh: true })).enabled,
    'OMEMO on',
  );
  const question = await b.core.commands['chat.send']({
    account: b.account,
    to: a.account,
    body: 'We should bake a cake',
  });
  const received = await eventually(() => find(a, b.account, 'We should bake a cake'), 'the question at a');
  assert.ok(received?.encryption, 'the question came encrypted');

  const answer = await a.core.commands['chat.send']({
    account: a.account,
    to: b.account,
    body: 'Great idea!',
    replyTo: received?.id,
  });
  assert.equal(answer.body, 'Great idea!');
  assert.match(answer.replyTo?.quote ?? '', /We should bake a cake/u);
  const reply = await eventually(() => find(b, a.account, 'Great idea!'), 'the reply at b, fallback stripped');
  assert.equal(reply?.replyTo?.id, question.originId ?? question.id, 'it points at the question');
  assert.ok(reply?.encryption && !reply.encryption.error, 'decrypted');
  assert.match(reply?.replyTo?.quote ?? '', /^> /u);

  const reactionsAt = async (engine: TestEngine, peer: string, body: string) =>
    (await find(engine, peer, body))?.reactions ?? [];
  await a.core.commands['message.react']({ account: a.account, id: received?.id ?? '', emojis: ['👍', '🎂'] });
  await eventually(
    async () => (await reactionsAt(b, a.account, 'We should bake a cake'))[0]?.emojis.length === 2,
    'two reactions at b',
  );
  assert.deepEqual(await reactionsAt(b, a.account, 'We should bake a cake'), [
    { sender: a.account, name: a.account, own: false, emojis: ['👍', '🎂'] },
  ]);
  await a.core.commands['message.react']({ account: a.account, id: received?.id ?? '', emojis: ['❤️'] });
  await eventually(
    async () => (await reactionsAt(b, a.account, 'We should bake a cake'))[0]?.emojis[0] === '❤️',
    'changed at b',
  );
  assert.equal((await reactionsAt(b, a.account, 'We should bake a cake'))[0]?.emojis.length, 1, 'replaced, not added');
  assert.deepEqual((await reactionsAt(a, b.account, 'We should bake a cake'))[0], {
    sender: '',
    name: '',
    own: true,
    emojis: ['❤️'],
  });
  await b.core.commands['message.react']({ account: b.account, id: reply?.id ?? '', emojis: ['🎉'] });
  await b.core.commands['message.react']({ account: b.account, id: reply?.id ?? '', emojis: [] });
  await eventually(
    async () =>
      (await find(a, b.account, 'Great idea!'))?.reactions === undefined ||
      (await find(a, b.account, 'Great idea!'))?.reactions?.length === 0,
    'taken back at a',
  );

  // A new device of b replays the archive: every reaction stanza again, in order, with the same outcome.
  // (It cannot read the older encrypted texts — OMEMO keys are per device — so messages are found by id.)
  const fresh = await startEngine(server, bUser, { resource: 'tablet' });
  t.after(() => fresh.close());
  const byOrigin = async (originId: string | undefined) =>
    (await history(fresh, a.account)).find((m) => m.originId === originId);
  const replayed = await eventually(
    async () => {
      const m = await byOrigin(question.originId);
      return m?.reactions?.length ? m : undefined;
    },
    'the reactions on the new device',
    30_000,
  );
  assert.deepEqual(
    replayed?.reactions?.map((r) => r.emojis),
    [['❤️']],
  );
  assert.equal((await byOrigin(reply?.originId))?.reactions, undefined, 'taken back, so none');
});

test('in a room: a reply names the room’s stanza-id, reactions are per occupant and replaced as a whole', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'ann'), await newUser(server, 'bob')];
  const [a, b] = [await startEngine(server, aUser), await startEngine(server, bUser)];
  t.after(() => Promise.all([a.close(), b.close()]));
  const room = `replies-${Date.now()}@conference.localhost` as BareJid;
  await a.core.commands['muc.join']({ account: a.account, room, nick: 'Ann' });
  await b.core.commands['muc.join']({ account: b.account, room, nick: 'Bob' });
  await b.core.commands['muc.send']({ account: b.account, room, body: 'who brings the cake?' });
  const atA = await eventually(() => find(a, room, 'who brings the cake?'), 'the question at Ann');
  assert.ok(atA?.stanzaId, 'the room gave it an id');
  await a.core.commands['muc.send']({ account: a.account, room, body: 'me!', replyTo: atA?.id });
  const reply = await eventually(() => find(b, room, 'me!'), 'the reply at Bob');
  assert.equal(reply?.replyTo?.id, atA?.stanzaId);
  assert.equal(reply?.replyTo?.to, `${room}/Bob`);

  await a.core.commands['message.react']({ account: a.account, id: atA?.id ?? '', emojis: ['🙋'] });
  const question = async () => (await find(b, room, 'who brings the cake?'))?.reactions ?? [];
  await eventually(async () => (await question()).length === 1, 'Ann’s reaction at Bob');
  const [fromAnn] = await question();
  assert.equal(fromAnn?.name, 'Ann');
  assert.deepEqual(fromAnn?.emojis, ['🙋']);
  await a.core.commands['message.react']({ account: a.account, id: atA?.id ?? '', emojis: ['🎂', '🙋'] });
  await eventually(async () => (await question())[0]?.emojis.length === 2, 'Ann’s new set at Bob');
  assert.equal((await question()).length, 1, 'one entry per person');
  assert.equal(
    (await find(a, room, 'who brings the cake?'))?.reactions?.length,
    1,
    'our own reflected copy counted once',
  );
});

test("a room's reaction restrictions (XEP-0444 §2.2) are read from its disco#info and honoured", async (t) => {
  const [aUser, bUser] = [await newUser(server, 'cleo'), await newUser(server, 'dan')];
  const [a, b] = [await startEngine(server, aUser), await startEngine(server, bUser)];
  t.after(() => Promise.all([a.close(), b.close()]));
  const room = `restricted-${Date.now()}@conference.localhost` as BareJid;
  const joined = await a.core.commands['muc.join']({ account: a.account, room, nick: 'Cleo' });
  assert.deepEqual(joined.reactionRules, { maxPerUser: 1, allowlist: ['👍', '❤️'] });
  await b.core.commands['muc.join']({ account: b.account, room, nick: 'Dan' });
  await b.core.commands['muc.send']({ account: b.account, room, body: 'lunch at noon?' });
  const atA = await eventually(() => find(a, room, 'lunch at noon?'), 'the question at Cleo');
  const id = atA?.id ?? '';
  await assert.rejects(
    a.core.commands['message.react']({ account: a.account, id, emojis: ['😂'] }),
    /does not accept/u,
    'not on the list',
  );
  await assert.rejects(
    a.core.commands['message.react']({ account: a.account, id, emojis: ['👍', '❤️'] }),
    /does not accept/u,
    'over the limit',
  );
  await a.core.commands['message.react']({ account: a.account, id, emojis: ['❤️'] });
  const atB = async () => (await find(b, room, 'lunch at noon?'))?.reactions ?? [];
  await eventually(async () => (await atB())[0]?.emojis[0] === '❤️', 'the allowed reaction at Dan');
  assert.deepEqual(
    (await atB()).map((r) => r.emojis),
    [['❤️']],
    'nothing refused went out',
  );
  const plain = await a.core.commands['muc.join']({
    account: a.account,
    room: `open-${Date.now()}@conference.localhost` as BareJid,
    nick: 'Cleo',
  });
  assert.equal(plain.reactionRules, undefined, 'a room without the form has no rules');
});
