// npm run bench: the engine beside a bare @xmpp/client (the floor) on a private loopback Prosody.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ChatMessage } from '../shared/model/message.ts';
import { startProsody } from '../e2e/server/prosody.ts';
import { newUser, startEngine, type TestEngine } from '../e2e/helpers/accounts.ts';
import { bareLogin, chatStanza, presenceStanza, replayStanza } from './floor.ts';
import { compare, median, percentile } from './stats.ts';
import { benchArchiveCatchUp, benchResume } from './archive.ts';
import { benchBigRoom } from './muc.ts';
import { benchUpload } from './upload.ts';
import { benchOmemo } from './omemo.ts';
import { benchOmemo2 } from './omemo2.ts';
import { benchOpenPgp } from './openpgp.ts';
import { benchHistory, benchRoster, BOTS } from './ui.ts';
import { benchStyling } from './styling.ts';
import { benchSearch } from './search.ts';
import { benchChatList, benchChatSwitch } from './messenger.ts';
import { benchMemory } from './memory.ts';
import { benchCalls } from './calls.ts';

// The renderer parts serve the built app: without a build they would fail after the engine parts' minutes.
if (!existsSync(new URL('../dist/renderer/index.html', import.meta.url)))
  throw new Error('The renderer is not built: run `npm run bench` (it builds first) or `npm run build`');

const quick = process.argv.includes('--quick');
/** `--only=chatlist,room`: just those parts (names below), for working on one figure. */
const only = process.argv
  .find((a) => a.startsWith('--only='))
  ?.slice('--only='.length)
  .split(',');

/** Every part, in order, by the name `--only=` takes. */
const PARTS: Record<string, () => Promise<unknown>> = {
  login: () => benchLogin(),
  roundtrip: async () => {
    await benchRoundTrip(false);
    await benchRoundTrip(true);
  },
  flood: () => benchFlood(),
  catchup: () => benchArchiveCatchUp(server, FLOOD),
  resume: () => benchResume(server, quick ? 3 : 10, 20),
  upload: () => benchUpload(server, quick ? 20 : 100),
  omemo: () => benchOmemo(quick),
  omemo2: () => benchOmemo2(quick),
  openpgp: () => benchOpenPgp(quick),
  styling: () => Promise.resolve(benchStyling()),
  roster: () => benchRoster(server, quick ? 500 : 2000),
  history: () => benchHistory(server, 10_000),
  switch: () => benchChatSwitch(server, 10_000),
  chatlist: () => benchChatList(server, 500, quick ? 500 : 2000),
  memory: () => benchMemory(server, 20, 200, quick ? 500 : 2000),
  search: () => benchSearch(quick ? 20_000 : 100_000),
  room: () => benchBigRoom(server, quick ? 1000 : 5000),
  calls: () => benchCalls(server, quick ? 3 : 7),
};
if (!only) {
  // Each part in a process of its own with a server of its own: run in one, the parts' figures depended on the
  // parts before them (the server keeps the archive in memory; after the floods it answered the 2,000 presences in
  // 458 ms instead of about 210, and its floor for the room's join doubled).
  console.log(
    'Each part runs on a private loopback Prosody of its own; figures also appended to bench/results.jsonl\n',
  );
  for (const name of Object.keys(PARTS)) {
    if (name === 'roster') console.log('\nRenderer (Chromium through the bridge):');
    const { status } = spawnSync(
      process.execPath,
      [fileURLToPath(import.meta.url), `--only=${name}`, '--part', ...(quick ? ['--quick'] : [])],
      { stdio: 'inherit' },
    );
    if (status !== 0) {
      console.error(`bench failed in its part "${name}"`);
      process.exit(1);
    }
  }
  process.exit(0);
}
const unknown = only.filter((name) => !(name in PARTS));
if (unknown.length > 0)
  throw new Error(`No such bench part: ${unknown.join(', ')} (parts: ${Object.keys(PARTS).join(', ')})`);

const server = await startProsody({
  archiveStorage: 'memory',
  externalComponents: [BOTS],
  uploadSizeLimit: 200 * 1024 * 1024,
});
const LOGINS = 20;
const ROUND_TRIPS = quick ? 200 : 1000;
const FLOOD = quick ? 2000 : 10_000;

async function benchLogin(): Promise<void> {
  const user = await newUser(server, 'login');
  const engine = await startEngine(server, user, { connect: false });
  const engineTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let i = 0; i < LOGINS; i++) {
    let t = performance.now();
    await engine.core.commands['account.connect']({ account: engine.account });
    engineTimes.push(performance.now() - t);
    await engine.core.commands['account.disconnect']({ account: engine.account });
    t = performance.now();
    const bare = await bareLogin(server, user, `floor${i}`);
    floorTimes.push(performance.now() - t);
    await bare.stop();
  }
  await engine.close();
  compare('login (median of 20)', 'ms', median(engineTimes), median(floorTimes));
}

function nextIncoming(engine: TestEngine): Promise<ChatMessage> {
  return new Promise((resolve) => {
    const off = engine.core.events.on('message.added', (m) => {
      if (m.direction === 'in') {
        off();
        resolve(m);
      }
    });
  });
}

/**
 * Sequential round trips between two engines, `encrypted` (OMEMO, the default between them) or plain; the
 * floor is two bare clients exchanging a bare <body/> (plain) or the very stanza the engine sent (encrypted:
 * the same bytes through the server, so what the server spends on them is in the floor too).
 */
async function benchRoundTrip(encrypted: boolean): Promise<void> {
  const [aUser, bUser] = [await newUser(server, 'ping'), await newUser(server, 'pong')];
  const a = await startEngine(server, aUser);
  const b = await startEngine(server, bUser);
  for (const [engine, peer] of [
    [a, b],
    [b, a],
  ] as const) {
    await engine.core.runtime(engine.account).modules.omemo.ready;
    if (!encrypted)
      await engine.core.commands['omemo.setEnabled']({ account: engine.account, peer: peer.account, enabled: false });
  }
  let recorded = '';
  await a.core.commands['console.open']({ account: a.account });
  a.core.events.on('console.entry', ({ entry }) => {
    if (entry.dir === 'out' && entry.xml.startsWith('<message')) recorded = entry.xml;
  });
  b.core.events.on('message.added', (m) => {
    if (m.direction === 'in')
      void b.core.commands['chat.send']({ account: b.account, to: a.account, body: `re: ${m.body}` });
  });
  const engineTimes: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const reply = nextIncoming(a);
    const t = performance.now();
    const sent = await a.core.commands['chat.send']({ account: a.account, to: b.account, body: `ping ${i}` });
    await reply;
    engineTimes.push(performance.now() - t);
    // A stanza past the session's first exchange is kept; the console's logging is not the engine's work.
    if (i === 10) await a.core.commands['console.close']({ account: a.account });
    if ((sent.encryption !== undefined) !== encrypted) throw new Error('the bench chat was not as meant');
  }
  await Promise.all([a.close(), b.close()]);

  const pa = await bareLogin(server, aUser, 'floor-a');
  const pb = await bareLogin(server, bUser, 'floor-b');
  await pa.send(presenceStanza());
  await pb.send(presenceStanza());
  const stanzaTo = (to: string, text: string): unknown =>
    encrypted ? replayStanza(recorded, to) : chatStanza(to, text);
  pb.on('stanza', (s) => {
    if (s.name === 'message' && s.getChildText('body'))
      void pb.send(stanzaTo(aUser.jid, `re: ${s.getChildText('body') ?? ''}`));
  });
  let onReply: () => void = () => undefined;
  pa.on('stanza', (s) => {
    if (s.name === 'message' && s.getChildText('body')) onReply();
  });
  const floorTimes: number[] = [];
  for (let i = 0; i < ROUND_TRIPS; i++) {
    const reply = new Promise<void>((resolve) => {
      onReply = resolve;
    });
    const t = performance.now();
    await pa.send(stanzaTo(bUser.jid, `ping ${i}`));
    await reply;
    floorTimes.push(performance.now() - t);
  }
  await Promise.all([pa.stop(), pb.stop()]);
  const params = { count: ROUND_TRIPS, encrypted };
  const name = encrypted ? 'encrypted round trip' : 'round trip';
  compare(`${name} median (${ROUND_TRIPS})`, 'ms', median(engineTimes), median(floorTimes), params);
  compare(`${name} p99 (${ROUND_TRIPS})`, 'ms', percentile(engineTimes, 99), percentile(floorTimes, 99), params);
}

async function flood(send: (i: number) => Promise<void>, received: () => number): Promise<number> {
  const t = performance.now();
  for (let i = 0; i < FLOOD; i += 100) await Promise.all(Array.from({ length: 100 }, (_, k) => send(i + k)));
  while (received() < FLOOD) await new Promise((r) => setTimeout(r, 5));
  return FLOOD / ((performance.now() - t) / 1000);
}

async function benchFlood(): Promise<void> {
  const [senderUser, engineUser, floorUser] = [
    await newUser(server, 'flood'),
    await newUser(server, 'store'),
    await newUser(server, 'count'),
  ];
  const sender = await bareLogin(server, senderUser, 'sender');
  const engine = await startEngine(server, engineUser);
  let stored = 0;
  engine.core.events.on('message.added', (m) => {
    if (m.direction === 'in') stored++;
  });
  const engineRate = await flood(
    (i) => sender.send(chatStanza(engineUser.jid, `flood ${i}`)),
    () => stored,
  );
  if (engine.core.store.messages.count(engine.account) !== FLOOD)
    throw new Error('the engine did not store every message once');
  await engine.close();

  const counter = await bareLogin(server, floorUser, 'counter');
  await counter.send(presenceStanza());
  let counted = 0;
  counter.on('stanza', (s) => {
    if (s.name === 'message' && s.getChildText('body')) counted++;
  });
  const floorRate = await flood(
    (i) => sender.send(chatStanza(floorUser.jid, `flood ${i}`)),
    () => counted,
  );
  await Promise.all([counter.stop(), sender.stop()]);
  compare(`receive+store ${FLOOD} messages`, 'msg/s', engineRate, floorRate, { count: FLOOD });
}

/** Any failure, even one thrown outside the awaited chain (a request handler, a child's event), stops the servers. */
async function abort(reason: unknown): Promise<never> {
  console.error('bench failed:', reason);
  await server.stop().catch(() => undefined);
  process.exit(1);
}
process.on('uncaughtException', (error) => void abort(error));
process.on('unhandledRejection', (error) => void abort(error));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void abort(signal));

try {
  if (!process.argv.includes('--part'))
    console.log(`Prosody on 127.0.0.1:${server.ports.c2s}; figures also appended to bench/results.jsonl\n`);
  for (const [name, run] of Object.entries(PARTS)) if (only.includes(name)) await run();
} finally {
  await server.stop();
}
