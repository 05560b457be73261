import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, otherDevice, startEngine } from '../helpers/accounts.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody({ archiveStorage: 'memory' });
});
after(async () => {
  await server.stop();
});

const TOTAL = 2000;

test('the engine killed hard in the middle of an archive catch-up: the restart completes it, no duplicates, no gap', async () => {
  const [meUser, peerUser] = [await newUser(server, 'crashy'), await newUser(server, 'talker')];
  // Another device of ours is online, so the peer's messages go to it and the archive (not offline storage).
  const phone = await otherDevice(server, meUser);
  const peer = await startEngine(server, peerUser);
  for (let i = 0; i < TOTAL; i++)
    await peer.core.commands['chat.send']({ account: peer.account, to: meUser.jid, body: `archived ${i}` });
  await phone.waitFor(TOTAL);
  await phone.stop();

  const dir = mkdtempSync(join(tmpdir(), 'jabberdesk-crash-'));
  const databasePath = join(dir, 'engine.sqlite');
  const child = spawn(
    process.execPath,
    [
      join(import.meta.dirname, '..', 'helpers', 'engineProcess.ts'),
      databasePath,
      meUser.jid,
      meUser.password,
      server.host,
      String(server.ports.c2s),
      server.fingerprint,
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  let dots = 0;
  child.stdout.on('data', (chunk: Buffer) => {
    dots += chunk.toString().split('.').length - 1;
  });
  await eventually(() => dots >= 300 || child.exitCode !== null, 'the catch-up to be under way', 30_000);
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
  assert.ok(dots >= 300 && dots < TOTAL, `killed mid-way (${dots} of ${TOTAL} stored)`);

  const core = new Core({ databasePath, secrets: createMemorySecretStore() });
  await core.commands['account.update']({ account: meUser.jid, password: meUser.password });
  await core.commands['account.trustCertificate']({ account: meUser.jid, fingerprint: server.fingerprint });
  await core.commands['account.connect']({ account: meUser.jid });
  await core.runtime(meUser.jid).modules.mam.running;
  await eventually(() => core.store.messages.count(meUser.jid) === TOTAL, 'every archived message once', 10_000);
  const bodies = core.store.messages
    .history(meUser.jid, peerUser.jid, Number.MAX_SAFE_INTEGER, TOTAL + 10)
    .map((m) => m.body);
  assert.equal(bodies.length, TOTAL);
  assert.equal(new Set(bodies).size, TOTAL, 'no duplicates');
  assert.deepEqual(
    bodies,
    Array.from({ length: TOTAL }, (_, i) => `archived ${i}`),
    'no gap, in order',
  );
  await core.close();
  await peer.close();
  rmSync(dir, { recursive: true, force: true });
});
