// Upload of a big file (XEP-0363) through the engine beside curl -T to a slot of the same server,
// and the engine's peak memory meanwhile (it streams: the file must never be held whole).
import { execFile } from 'node:child_process';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import { newUser, startEngine } from '../e2e/helpers/accounts.ts';
import { openRequest, responseOf } from '../electron/core/net/httpTransfer.ts';
import type { UploadSlot } from '../electron/core/modules/upload/upload.ts';
import { compare, report } from './stats.ts';

const run = promisify(execFile);
const MiB = 1024 * 1024;

/** Node's own HTTP client piping the file into the PUT: what any Node engine could reach. */
async function nodePipe(slot: UploadSlot, path: string, size: number, server: ProsodyServer): Promise<number> {
  const t = performance.now();
  const request = openRequest(slot.put, {
    method: 'PUT',
    // The upload service is the account's own server, which the engine too lets live on this machine.
    trust: { pinnedFingerprint: server.fingerprint, trustedHosts: new Set([new URL(slot.put).hostname]) },
    headers: {
      ...slot.headers,
      'content-length': size,
      'content-type': 'application/octet-stream',
      expect: '100-continue',
    },
  });
  const answer = responseOf(request);
  await pipeline(createReadStream(path), request);
  (await answer).resume();
  return (performance.now() - t) / 1000;
}

export async function benchUpload(server: ProsodyServer, megabytes: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jabberdesk-upload-'));
  const path = join(dir, 'bench.bin');
  writeFileSync(path, randomBytes(megabytes * MiB));
  const [user, peer] = [await newUser(server, 'uploader'), await newUser(server, 'viewer')];
  try {
    const { stdout } = await run(
      process.execPath,
      [
        '--expose-gc',
        new URL('./uploadProcess.ts', import.meta.url).pathname,
        user.jid,
        user.password,
        server.host,
        String(server.ports.c2s),
        server.fingerprint,
        path,
        peer.jid,
      ],
      { maxBuffer: MiB },
    );
    const engine = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as {
      seconds: number;
      size: number;
      rssBeforeMiB: number;
      peakMiB: number;
    };

    const slotter = await startEngine(server, user);
    const slot = await slotter.core
      .runtime(slotter.account)
      .modules.upload.requestSlot('curl.bin', megabytes * MiB, 'application/octet-stream');
    const pipeSlot = await slotter.core
      .runtime(slotter.account)
      .modules.upload.requestSlot('pipe.bin', megabytes * MiB, 'application/octet-stream');
    await slotter.close();
    const pipeSeconds = await nodePipe(pipeSlot, path, megabytes * MiB, server);
    const headers = Object.entries(slot.headers).flatMap(([name, value]) => ['-H', `${name}: ${value}`]);
    const t = performance.now();
    await run('curl', [
      '-sS',
      '--fail',
      '--cacert',
      server.certPath,
      '-T',
      path,
      '-H',
      'Content-Type: application/octet-stream',
      ...headers,
      slot.put,
    ]);
    const curlSeconds = (performance.now() - t) / 1000;

    const params = { megabytes };
    compare(
      `upload ${megabytes} MiB (vs curl -T)`,
      'MiB/s',
      engine.size / MiB / engine.seconds,
      (megabytes * MiB) / MiB / curlSeconds,
      params,
    );
    report(`upload ${megabytes} MiB, bare Node PUT piping the file`, 'MiB/s', megabytes / pipeSeconds, params);
    report(`engine resident memory before the upload`, 'MiB', engine.rssBeforeMiB, params);
    report(`engine peak resident memory during it`, 'MiB', engine.peakMiB, params);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
