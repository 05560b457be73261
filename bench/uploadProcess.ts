// An engine in its own process uploading one file from disk through the contract, the way the UI feeds
// it (512 KiB chunks, one at a time), so its memory is measured alone. Prints one JSON line.
// Arguments: JID, password, host, port, pinned fingerprint, file path, recipient.
import { open } from 'node:fs/promises';
import { Core, createMemorySecretStore, dispatchCommand } from '../electron/core/index.ts';
import { FILE_CHUNK_BYTES } from '../shared/model/file.ts';
import { residentMiB } from './procMemory.ts';

const [jid, password, host, port, fingerprint, path, to] = process.argv.slice(2);
if (!jid || !password || !host || !port || !fingerprint || !path || !to)
  throw new Error('usage: uploadProcess jid password host port fingerprint file to');

async function run(name: string, arg: unknown): Promise<unknown> {
  const result = await dispatchCommand(core.commands, name, arg);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

const core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
await core.commands['account.add']({ jid, password, host, port: Number(port) });
await core.commands['account.trustCertificate']({ account: jid as never, fingerprint });
await core.commands['account.connect']({ account: jid as never });
const file = await open(path, 'r');
const { size } = await file.stat();
global.gc?.();
const before = residentMiB();
const t = performance.now();
const { upload } = (await run('upload.begin', {
  account: jid,
  to,
  name: 'bench.bin',
  size,
  type: 'application/octet-stream',
})) as { upload: string };
for (let offset = 0; offset < size; offset += FILE_CHUNK_BYTES) {
  const chunk = new Uint8Array(Math.min(FILE_CHUNK_BYTES, size - offset));
  await file.read(chunk, 0, chunk.length, offset);
  await run('upload.chunk', { upload, data: chunk });
}
await run('upload.finish', { upload });
const seconds = (performance.now() - t) / 1000;
await file.close();
process.stdout.write(`${JSON.stringify({ seconds, size, rssBeforeMiB: before, peakMiB: residentMiB('VmHWM') })}\n`);
await core.close();
