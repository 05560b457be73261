// The HTTP half of XEP-0363: an upload's bytes arrive in chunks (from the UI, over IPC) and are
// streamed into the PUT as they come, with backpressure, so the engine never holds the whole file.
import { type CipherGCM, createCipheriv, randomBytes, randomUUID } from 'node:crypto';
import type { ClientRequest, IncomingMessage } from 'node:http';
import { formatBytes, sanitizeFileName, type UploadId } from '../../../shared/model/file.ts';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { UploadSlot } from '../modules/upload/upload.ts';
import { type HttpTrust, openRequest, responseOf, shortBody } from '../net/httpTransfer.ts';

/** An upload nobody feeds for this long is abandoned (the window closed mid-upload). */
const IDLE_MS = 120_000;

interface ActiveUpload {
  account: AccountId;
  /** The chat, room or room/nick the file is for. */
  to: BareJid;
  name: string;
  size: number;
  sent: number;
  getUrl: string;
  request: ClientRequest;
  response: Promise<IncomingMessage>;
  failure: Error | undefined;
  /** The server answered before we finished: a refusal. */
  answered: IncomingMessage | undefined;
  idle: NodeJS.Timeout;
  /** XEP-0454: the file goes up AES-256-GCM encrypted; the key travels only in the (encrypted) message. */
  cipher?: CipherGCM;
}

const TAG_BYTES = 16;

export interface UploadDeps {
  requestSlot(account: AccountId, name: string, size: number, type: string): Promise<UploadSlot>;
  trust(account: AccountId): Promise<HttpTrust>;
}

export class UploadNotFoundError extends Error {
  constructor() {
    super('This upload is no longer running (finished, cancelled or timed out)');
    this.name = 'UploadNotFoundError';
  }
}

export class Uploads {
  readonly #active = new Map<UploadId, ActiveUpload>();
  readonly #deps: UploadDeps;

  constructor(deps: UploadDeps) {
    this.#deps = deps;
  }

  /** Asks for a slot (the limit is checked first) and opens the PUT; bytes follow with chunk(). */
  async begin(
    account: AccountId,
    to: BareJid,
    rawName: string,
    size: number,
    type: string,
    encrypt = false,
  ): Promise<{ upload: UploadId; name: string }> {
    const name = sanitizeFileName(rawName);
    // An encrypted file says nothing of its type to the server.
    const contentType = !encrypt && /^[\w.+-]+\/[\w.+-]+$/u.test(type) ? type : 'application/octet-stream';
    const key = randomBytes(32);
    const iv = randomBytes(12);
    const stored = encrypt ? size + TAG_BYTES : size;
    const slot = await this.#deps.requestSlot(account, name, stored, contentType);
    const request = openRequest(slot.put, {
      method: 'PUT',
      trust: await this.#deps.trust(account),
      timeoutMs: 60_000,
      // Prosody never answers 100 Continue, so the body is not held back for it; with the header it reads
      // the body about twice as fast (../shared STACK-NOTES §10), and other servers may refuse early.
      headers: { ...slot.headers, 'content-length': stored, 'content-type': contentType, expect: '100-continue' },
    });
    request.flushHeaders();
    const id = randomUUID();
    const response = responseOf(request);
    const entry: ActiveUpload = {
      account,
      to,
      name,
      size,
      sent: 0,
      request,
      response,
      failure: undefined,
      answered: undefined,
      idle: setTimeout(() => this.cancel(id), IDLE_MS),
      getUrl: encrypt
        ? `${slot.get.replace(/^https:/u, 'aesgcm:')}#${iv.toString('hex')}${key.toString('hex')}`
        : slot.get,
      ...(encrypt ? { cipher: createCipheriv('aes-256-gcm', key, iv) } : {}),
    };
    response.then(
      (answer) => {
        entry.answered = answer;
      },
      (error: unknown) => {
        entry.failure ??= error instanceof Error ? error : new Error(String(error));
      },
    );
    this.#active.set(id, entry);
    return { upload: id, name };
  }

  /** The next bytes, in order; resolves once the socket takes them (the caller then sends more). */
  async chunk(id: UploadId, data: Uint8Array): Promise<{ sent: number }> {
    const entry = this.#entry(id);
    if (entry.sent + data.length > entry.size) {
      this.cancel(id);
      throw new Error(`More bytes than the ${formatBytes(entry.size)} announced for "${entry.name}"`);
    }
    entry.idle.refresh();
    await this.#throwIfFailed(id, entry);
    if (!entry.request.write(entry.cipher ? entry.cipher.update(data) : data)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          entry.request.off('drain', done);
          entry.request.off('close', done);
          resolve();
        };
        entry.request.on('drain', done);
        entry.request.on('close', done);
      });
      await this.#throwIfFailed(id, entry);
    }
    entry.sent += data.length;
    return { sent: entry.sent };
  }

  /** Every byte sent: waits for the server to store the file; resolves with its download URL. */
  async finish(id: UploadId): Promise<{ account: AccountId; to: BareJid; url: string }> {
    const entry = this.#entry(id);
    if (entry.sent !== entry.size)
      throw new Error(`"${entry.name}" is missing ${formatBytes(entry.size - entry.sent)}`);
    if (entry.cipher) entry.request.write(Buffer.concat([entry.cipher.final(), entry.cipher.getAuthTag()]));
    entry.request.end();
    try {
      const response = await entry.response;
      const text = await shortBody(response);
      const status = response.statusCode ?? 0;
      if (status !== 200 && status !== 201) throw new Error(refusal(status, text, entry.name));
      return { account: entry.account, to: entry.to, url: entry.getUrl };
    } finally {
      this.#drop(id);
    }
  }

  /** Stops the PUT; nothing is shared. Unknown ids are fine (already finished or timed out). */
  cancel(id: UploadId): void {
    const entry = this.#active.get(id);
    if (!entry) return;
    entry.failure ??= new Error('The upload was cancelled');
    entry.request.destroy();
    this.#drop(id);
  }

  cancelAll(): void {
    for (const id of [...this.#active.keys()]) this.cancel(id);
  }

  #entry(id: UploadId): ActiveUpload {
    const entry = this.#active.get(id);
    if (!entry) throw new UploadNotFoundError();
    return entry;
  }

  #drop(id: UploadId): void {
    const entry = this.#active.get(id);
    if (entry) clearTimeout(entry.idle);
    this.#active.delete(id);
  }

  /** An early answer (the server refused) or a broken connection ends the upload with the reason. */
  async #throwIfFailed(id: UploadId, entry: ActiveUpload): Promise<void> {
    const early = entry.answered;
    if (early) {
      const text = await shortBody(early).catch(() => '');
      this.cancel(id);
      throw new Error(refusal(early.statusCode ?? 0, text, entry.name));
    }
    if (entry.failure || entry.request.destroyed) {
      const reason = entry.failure?.message ?? 'the connection closed';
      this.cancel(id);
      throw new Error(`Uploading "${entry.name}" failed: ${reason}`);
    }
  }
}

function refusal(status: number, text: string, name: string): string {
  const why =
    status === 413
      ? 'it is too large'
      : status === 401 || status === 403
        ? 'the upload slot was not accepted'
        : `HTTP ${status}`;
  return `The file server did not store "${name}": ${why}${text && text.length < 300 ? ` (${text.replace(/\s+/gu, ' ')})` : ''}`;
}
