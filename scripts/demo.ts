// npm run demo: a private Prosody, two demo accounts that are contacts, a peer that answers,
// the engine behind the WebSocket bridge, and the renderer served on loopback.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startBridge } from '../electron/bridge/wsServer.ts';
import { newUser, startEngine } from '../e2e/helpers/accounts.ts';
import { PROSODY_BIN, startProsody } from '../e2e/server/prosody.ts';
import { serveDirectory } from './staticServer.ts';

if (!existsSync(PROSODY_BIN)) {
  console.error('The demo runs a private Prosody server. Install it first:  sudo apt-get install prosody  (or your system\'s package)');
  process.exit(1);
}
const root = join(import.meta.dirname, '..', 'dist', 'renderer');
if (!existsSync(join(root, 'index.html'))) execFileSync('npm', ['run', 'build:renderer'], { stdio: 'inherit' });

const server = await startProsody();
const [youUser, peerUser] = [await newUser(server, 'you'), await newUser(server, 'peer')];
const you = await startEngine(server, youUser);
const peer = await startEngine(server, peerUser, { resource: 'bot' });
await you.core.commands['roster.set']({ account: you.account, jid: peer.account, name: 'Demo Peer', groups: ['Demo'] });
await peer.core.commands['roster.set']({ account: peer.account, jid: you.account, name: 'You' });
await peer.core.commands['presence.approve']({ account: peer.account, jid: you.account });
await you.core.commands['presence.approve']({ account: you.account, jid: peer.account });
await you.core.commands['presence.subscribe']({ account: you.account, jid: peer.account });
await peer.core.commands['presence.subscribe']({ account: peer.account, jid: you.account });
await peer.core.commands['presence.set']({ account: peer.account, show: 'chat', status: 'I answer everything' });
peer.core.events.on('message.added', (m) => {
  if (m.direction === 'in') void peer.core.commands['chat.send']({ account: peer.account, to: m.peer, body: `You said: ${m.body}` });
});

const bridge = await startBridge(you.core);
const web = await serveDirectory(root);
const url = `${web.url}?bridgePort=${bridge.port}&token=${bridge.token}`;
console.log(`\nJabberDesk demo is running.\n  you:  ${you.account}\n  peer: ${peer.account} (answers every message)\n\nOpen: ${url}\n\nCtrl+C stops everything.`);
for (const opener of ['xdg-open', 'open']) {
  try { execFileSync('which', [opener], { stdio: 'ignore' }); execFileSync(opener, [url], { stdio: 'ignore' }); break; } catch { /* no browser here */ }
}

let stopping = false;
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  web.server.close();
  await bridge.close();
  await Promise.allSettled([you.close(), peer.close()]);
  await server.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
