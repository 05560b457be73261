// The engine in a process of its own for the memory figure, as the app's main process runs it: the compiled
// engine (dist/, not these sources through Node's type stripping), its database in a file, the bridge to one
// window. It joins the rooms, stores their messages, then prints the bridge's port and token. A line "measure"
// on stdin prints its resident memory after a collection; "quit" closes it. This file is run with its types
// stripped beforehand (memory.ts), so it imports nothing but the compiled engine and Node.
// Arguments: repository root, JID, password, host, port, pinned fingerprint, database path, the window's
// origin, rooms (JIDs, comma-separated).
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';
import type { AccountId } from '../shared/model/account.ts';
import type { BareJid } from '../shared/model/jid.ts';
import type * as EngineSources from '../electron/core/index.ts';
import type * as BridgeSources from '../electron/bridge/wsServer.ts';

type EngineModule = typeof EngineSources;
type BridgeModule = typeof BridgeSources;

const [root, jid, password, host, port, fingerprint, databasePath, origin, roomList] = process.argv.slice(2);
if (!root || !jid || !password || !host || !port || !fingerprint || !databasePath || !origin || !roomList)
  throw new Error('usage: memoryEngine root jid password host port fingerprint database origin rooms');
const MESSAGES_PER_ROOM = 1000;
const compiled = (path: string): string => pathToFileURL(join(root, 'dist', 'electron', path)).href;
const { Core, createMemorySecretStore } = (await import(compiled('core/index.js'))) as EngineModule;
const { startBridge } = (await import(compiled('bridge/wsServer.js'))) as BridgeModule;

const account = jid as AccountId;
const rooms = roomList.split(',') as BareJid[];
const core = new Core({ databasePath, secrets: createMemorySecretStore() });
await core.commands['account.add']({ jid, password, host, port: Number(port), resource: 'desk' });
await core.commands['account.trustCertificate']({ account, fingerprint });
await core.commands['account.connect']({ account });
const start = Date.now() - MESSAGES_PER_ROOM * 60_000;
for (const room of rooms) {
  await core.commands['muc.join']({ account, room, nick: 'Me' });
  for (let i = 0; i < MESSAGES_PER_ROOM; i++)
    core.store.messages.add({
      id: randomUUID(),
      account,
      peer: room,
      direction: 'in',
      from: `bot${i % 200}`,
      body: `room message ${i} with a little text to read`,
      groupchat: true,
      timestamp: start + i * 60_000,
      state: 'received',
    });
  await core.commands['muc.markRead']({ account, room });
}
const bridge = await startBridge(core, { allowedOrigins: [origin] });
process.stdout.write(`${JSON.stringify({ port: bridge.port, token: bridge.token })}\n`);

for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'measure') {
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    const occupants = rooms.reduce((n, room) => n + core.runtime(account).modules.muc.occupants(room).length, 0);
    process.stdout.write(
      `${JSON.stringify({ rssMiB: rss / 1024 / 1024, heapMiB: heapUsed / 1024 / 1024, occupants })}\n`,
    );
  } else if (line === 'quit') break;
}
await bridge.close();
await core.close();
process.exit(0);
