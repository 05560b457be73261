// npm run demo: a private Prosody, demo accounts that are contacts of each other, a peer that
// answers, the engine behind the WebSocket bridge, and the renderer served on loopback.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { rendererUrl, startBridge } from '../electron/bridge/wsServer.ts';
import { PROSODY_BIN, startProsody } from '../e2e/server/prosody.ts';
import { befriend, newUser, startEngine } from '../e2e/helpers/accounts.ts';
import { uploadBytes } from '../e2e/helpers/files.ts';
import { makePng } from '../e2e/helpers/png.ts';
import { serveDirectory } from './staticServer.ts';

function ensureProsody(): void {
  if (existsSync(PROSODY_BIN)) return;
  const asRoot = process.getuid?.() === 0;
  console.log('The demo runs a private Prosody server; trying to install it (apt-get install prosody)…');
  try {
    execFileSync(asRoot ? 'apt-get' : 'sudo', [...(asRoot ? [] : ['-n', 'apt-get']), 'install', '-y', 'prosody'], {
      stdio: 'inherit',
    });
  } catch {
    // reported below
  }
  if (!existsSync(PROSODY_BIN)) {
    console.error(
      "Prosody is needed for the demo. Install it with:  sudo apt-get install prosody  (or your system's package), then run npm run demo again.",
    );
    process.exit(1);
  }
}

ensureProsody();
const root = join(import.meta.dirname, '..', 'dist', 'renderer');
if (!existsSync(join(root, 'index.html'))) execFileSync('npm', ['run', 'build:renderer'], { stdio: 'inherit' });

const server = await startProsody();
const [youUser, aliceUser, peerUser, carolUser] = await Promise.all(
  ['you', 'alice', 'peer', 'carol'].map((name) => newUser(server, name)),
);
if (!youUser || !aliceUser || !peerUser || !carolUser) throw new Error('could not create the demo accounts');
const you = await startEngine(server, youUser, { resource: 'desktop' });
const alice = await startEngine(server, aliceUser, { resource: 'phone' });
const peer = await startEngine(server, peerUser, { resource: 'bot' });
const carol = await startEngine(server, carolUser, { resource: 'laptop' });
await befriend(you, alice, { name: 'Alice', groups: ['Friends'] }, { name: 'You' });
await befriend(you, peer, { name: 'Demo Peer', groups: ['Bots'] }, { name: 'You' });
await alice.core.commands['presence.set']({
  account: alice.account,
  show: 'away',
  status: 'Reading on the balcony 📚',
});
await peer.core.commands['presence.set']({ account: peer.account, show: 'chat', status: 'I answer everything' });
await carol.core.commands['presence.subscribe']({ account: carol.account, jid: you.account });
peer.core.events.on('message.added', (m) => {
  if (m.direction === 'in')
    void peer.core.commands['chat.send']({ account: peer.account, to: m.peer, body: `You said: ${m.body}` });
});
for (const [from, body] of [
  [alice, 'Hi! Did you see the *new* client? It does _styling_, `code` and links: https://xmpp.org'],
  [you, 'Yes! And quotes:\n> The best client is the one people pick.'],
  [alice, '```\nconst answer = 42;\n```\nEven preformatted blocks.'],
] as const) {
  const [to, receiver] = from === you ? [alice.account, alice] : [you.account, you];
  const arrived = new Promise<void>((resolve) => {
    const off = receiver.core.events.on('message.added', (m) => {
      if (m.direction === 'in') {
        off();
        resolve();
      }
    });
  });
  await from.core.commands['chat.send']({ account: from.account, to, body });
  await arrived;
}

// A group chat with everyone in it.
const lobby = 'lobby@conference.localhost' as never;
await alice.core.commands['muc.join']({ account: alice.account, room: lobby, nick: 'Alice' });
await alice.core.commands['muc.setSubject']({
  account: alice.account,
  room: lobby,
  subject: 'Welcome to the demo lobby',
});
await peer.core.commands['muc.join']({ account: peer.account, room: lobby, nick: 'Peer' });
await alice.core.commands['muc.send']({
  account: alice.account,
  room: lobby,
  body: 'Hello everyone! Try mentioning someone by nick.',
});
await uploadBytes(alice.core, alice.account, lobby, 'colours.png', makePng(360, 220), 'image/png');
await you.core.commands['muc.join']({ account: you.account, room: lobby, nick: 'You' });

const web = await serveDirectory(root);
const bridge = await startBridge(you.core, { allowedOrigins: [new URL(web.url).origin] });
const url = rendererUrl(web.url, bridge);
console.log(
  `\nJabberDesk demo is running.\n  you:   ${you.account}\n  alice: ${alice.account} (a friend, away)\n  peer:  ${peer.account} (answers every message)\n  carol: ${carol.account} (asks to be your contact)\n\nOpen: ${url}\n\nCtrl+C stops everything.`,
);
for (const opener of ['xdg-open', 'open']) {
  try {
    execFileSync('which', [opener], { stdio: 'ignore' });
    execFileSync(opener, [url], { stdio: 'ignore' });
    break;
  } catch {
    /* no browser here */
  }
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  web.server.close();
  await bridge.close();
  await Promise.allSettled([you, alice, peer, carol].map((e) => e.close()));
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
