// Downloads of shared files into the engine's cache: streamed to disk with a size cap counted on the
// bytes themselves (headers are only a hint), then read back by the UI in chunks for previews and saving.
import { createDecipheriv, createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import type { IncomingMessage } from 'node:http';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import type { AccountId } from '../../../shared/model/account.ts';
import {
  parseEncryptedFileUrl,
  type DownloadedFile,
  type FileId,
  fileNameFromUrl,
  formatBytes,
  MAX_DOWNLOAD_BYTES,
  MAX_READ_BYTES,
  type RemoteFileInfo,
  sniffImageType,
} from '../../../shared/model/file.ts';
import type { CoreEmitter } from '../events.ts';
import { type HttpTrust, openRequest, responseOf } from '../net/httpTransfer.ts';
import { openableKind, type OpenableKind } from '../../../shared/model/openable.ts';
import { markAsDownloaded } from './quarantine.ts';

const MAX_REDIRECTS = 3;
/** How much of a file its kind is judged by (text must be clean this far). */
export const OPENABLE_SNIFF_BYTES = 4096;
const PROGRESS_EVERY_MS = 100;

const TAG_BYTES = 16;

/** XEP-0454: AES-256-GCM with the tag as the last 16 bytes; nothing is kept unless the tag checks out. */
function decryptingStream(key: Uint8Array, iv: Uint8Array): Transform {
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  let tail = Buffer.alloc(0);
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      const all = Buffer.concat([tail, chunk]);
      tail = all.subarray(Math.max(0, all.length - TAG_BYTES));
      done(null, decipher.update(all.subarray(0, Math.max(0, all.length - TAG_BYTES))));
    },
    flush(done) {
      try {
        decipher.setAuthTag(tail);
        done(null, decipher.final());
      } catch {
        done(new Error('The encrypted file does not match its key: it was altered or the link is wrong'));
      }
    },
  });
}

export function fileIdOf(url: string): FileId {
  return createHash('sha256').update(url).digest('hex');
}

/** GET or HEAD, following a few redirects (each to an allowed URL); non-2xx answers reject. */
async function fetchFollowing(url: string, method: 'GET' | 'HEAD', trust: HttpTrust): Promise<IncomingMessage> {
  let current = url;
  for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
    const request = openRequest(current, { method, trust });
    request.end();
    const response = await responseOf(request);
    const status = response.statusCode ?? 0;
    const location = response.headers.location;
    if (status >= 300 && status < 400 && location) {
      response.resume();
      current = new URL(location, current).toString();
      continue;
    }
    if (status < 200 || status >= 300) {
      response.resume();
      throw new Error(
        status === 404 ? 'The file is no longer on the server' : `The file server answered HTTP ${status}`,
      );
    }
    return response;
  }
  throw new Error('The file server redirected too often');
}

async function describe(id: FileId, url: string, path: string, name: string): Promise<DownloadedFile> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  const handle = await open(path, 'r');
  try {
    const head = new Uint8Array(OPENABLE_SNIFF_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const { size } = await handle.stat();
    const openAs = openableKind(head.subarray(0, bytesRead), name);
    return {
      id,
      url,
      name,
      size,
      type: sniffImageType(head.subarray(0, bytesRead)) ?? 'application/octet-stream',
      sha256: hash.digest('hex'),
      ...(openAs ? { openAs } : {}),
    };
  } finally {
    await handle.close();
  }
}

export class Downloads {
  readonly #dir: string;
  readonly #emit: CoreEmitter['emit'];
  readonly #running = new Map<string, Promise<DownloadedFile>>();

  constructor(dir: string, emit: CoreEmitter['emit']) {
    this.#dir = dir;
    this.#emit = emit;
  }

  async probe(url: string, trust: HttpTrust): Promise<RemoteFileInfo> {
    const encrypted = parseEncryptedFileUrl(url);
    const response = await fetchFollowing(encrypted?.httpsUrl ?? url, 'HEAD', trust);
    response.resume();
    const size = Number(response.headers['content-length']) - (encrypted ? TAG_BYTES : 0);
    const type = encrypted ? undefined : response.headers['content-type'];
    return {
      ...(Number.isSafeInteger(size) && size >= 0 ? { size } : {}),
      ...(type ? { type: type.slice(0, 200) } : {}),
    };
  }

  /** Downloads once per URL (a second call shares the first, a finished one is read from the cache). */
  download(account: AccountId, url: string, maxBytes: number, trust: HttpTrust): Promise<DownloadedFile> {
    const key = `${url} ${maxBytes}`;
    let running = this.#running.get(key);
    if (!running) {
      running = this.#download(account, url, Math.min(maxBytes, MAX_DOWNLOAD_BYTES), trust).finally(() =>
        this.#running.delete(key),
      );
      this.#running.set(key, running);
    }
    return running;
  }

  async read(id: FileId, offset: number, length: number): Promise<Uint8Array> {
    const path = await this.pathOf(id);
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(Math.min(length, MAX_READ_BYTES));
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, offset);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  /** What the cached file may be opened as by the system (content and name agreeing), if anything. */
  async openableKind(id: FileId): Promise<OpenableKind | undefined> {
    const path = await this.pathOf(id);
    const handle = await open(path, 'r');
    try {
      const head = new Uint8Array(OPENABLE_SNIFF_BYTES);
      const { bytesRead } = await handle.read(head, 0, head.length, 0);
      return openableKind(head.subarray(0, bytesRead), basename(path));
    } finally {
      await handle.close();
    }
  }

  /** The cached file's path (its directory is the id, its name the sanitized one). */
  async pathOf(id: FileId): Promise<string> {
    const dir = join(this.#dir, id);
    const name = (await readdir(dir).catch(() => [])).find((n) => !n.startsWith('.partial-'));
    if (!name) throw new Error('This file is not downloaded (or was removed from the cache)');
    return join(dir, name);
  }

  async #download(account: AccountId, url: string, maxBytes: number, trust: HttpTrust): Promise<DownloadedFile> {
    const id = fileIdOf(url);
    const name = fileNameFromUrl(url);
    const cached = await this.pathOf(id).catch(() => undefined);
    if (cached && (await stat(cached)).size <= maxBytes) return describe(id, url, cached, name);
    const dir = join(this.#dir, id);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const partial = join(dir, `.partial-${randomUUID()}`);
    const encrypted = parseEncryptedFileUrl(url);
    const response = await fetchFollowing(encrypted?.httpsUrl ?? url, 'GET', trust);
    const announced = Number(response.headers['content-length']);
    const total = Number.isSafeInteger(announced) ? announced : undefined;
    if (total !== undefined && total > maxBytes) {
      response.destroy();
      throw new Error(`The file is ${formatBytes(total)}, more than the ${formatBytes(maxBytes)} allowed here`);
    }
    let received = 0;
    let lastEmit = 0;
    const progress = (): void =>
      this.#emit('files.progress', { account, url, received, ...(total !== undefined ? { total } : {}) });
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        received += chunk.length;
        if (received > maxBytes) {
          done(new Error(`The file grew past the ${formatBytes(maxBytes)} allowed here; the download was stopped`));
          return;
        }
        const now = Date.now();
        if (now - lastEmit >= PROGRESS_EVERY_MS) {
          lastEmit = now;
          progress();
        }
        done(null, chunk);
      },
    });
    try {
      if (encrypted)
        await pipeline(
          response,
          cap,
          decryptingStream(encrypted.key, encrypted.iv),
          createWriteStream(partial, { flags: 'wx', mode: 0o600 }),
        );
      else await pipeline(response, cap, createWriteStream(partial, { flags: 'wx', mode: 0o600 }));
    } catch (error) {
      await rm(partial, { force: true });
      throw error;
    }
    progress();
    const path = join(dir, name);
    await rename(partial, path);
    await markAsDownloaded(path, url).catch(() => undefined);
    return describe(id, url, path, name);
  }
}
