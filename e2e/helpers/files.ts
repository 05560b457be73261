// Sending and fetching files through the engine's contract (validated, as the UI calls it).
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandArg, CommandName, CommandResult } from '../../shared/ipc/contract.ts';
import { FILE_CHUNK_BYTES, MAX_READ_BYTES } from '../../shared/model/file.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { type Core, dispatchCommand } from '../../electron/core/index.ts';
import type { ProsodyServer } from '../server/prosody.ts';

/** Runs a command the way a transport does (argument validation included); throws its error message. */
export async function invoke<K extends CommandName>(
  core: Core,
  name: K,
  arg: CommandArg<K>,
): Promise<CommandResult<K>> {
  const result = await dispatchCommand(core.commands, name, arg);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as CommandResult<K>;
}

export async function uploadBytes(
  core: Core,
  account: BareJid,
  to: BareJid,
  name: string,
  bytes: Uint8Array,
  type = 'application/octet-stream',
): Promise<ChatMessage> {
  const { upload } = await invoke(core, 'upload.begin', { account, to, name, size: bytes.length, type });
  for (let offset = 0; offset < bytes.length; offset += FILE_CHUNK_BYTES) {
    await invoke(core, 'upload.chunk', { upload, data: bytes.subarray(offset, offset + FILE_CHUNK_BYTES) });
  }
  return invoke(core, 'upload.finish', { upload });
}

export async function downloadBytes(
  core: Core,
  account: BareJid,
  url: string,
  maxBytes = 50 * 1024 * 1024,
): Promise<{ bytes: Buffer; name: string; type: string; sha256: string }> {
  const file = await invoke(core, 'files.download', { account, url, maxBytes });
  const parts: Uint8Array[] = [];
  for (let offset = 0; offset < file.size; offset += MAX_READ_BYTES)
    parts.push(await invoke(core, 'files.read', { id: file.id, offset, length: MAX_READ_BYTES }));
  return { bytes: Buffer.concat(parts), name: file.name, type: file.type, sha256: file.sha256 };
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** How many files Prosody's http_file_share holds (its store lives under the data directory). */
export function storedUploads(server: ProsodyServer): number {
  const count = (dir: string, inside: boolean): number =>
    readdirSync(dir, { withFileTypes: true }).reduce((n, entry) => {
      if (entry.isDirectory())
        return n + count(join(dir, entry.name), inside || entry.name.includes('http_file_share'));
      return n + (inside ? 1 : 0);
    }, 0);
  return count(join(server.base, 'data'), false);
}
