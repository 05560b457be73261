// Sending files (read in chunks from the File, streamed through the engine) and fetching shared ones
// (downloaded by the engine, read back for previews and saving).
import {
  type DownloadedFile,
  FILE_CHUNK_BYTES,
  formatBytes,
  MAX_READ_BYTES,
  type RemoteFileInfo,
  sniffImageType,
} from '../../shared/model/file.ts';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { call } from '../ipc/client.ts';
import { translator } from '../i18n/translate.ts';
import { chatKey } from '../store/chats.ts';
import { withDownload, withoutUpload, withUpload, withUploadChange } from '../store/files.ts';
import { getState, setState } from '../store/index.ts';

/** Previews are made for images up to this size; bigger ones are only saved. */
const PREVIEW_MAX_BYTES = 25 * 1024 * 1024;

interface PendingUpload {
  account: AccountId;
  peer: BareJid;
  file: File;
  engineId?: string | undefined;
  cancelled: boolean;
}
const pending = new Map<string, PendingUpload>();

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** A pasted screenshot arrives as "image.png": give it a name that says when it was taken. */
export function namePasted(file: File, now = new Date()): File {
  if (!/^image\.\w+$/u.test(file.name)) return file;
  const stamp = now.toISOString().slice(0, 19).replace(/[-:]/gu, '').replace('T', '-');
  return new File([file], `pasted-${stamp}.${file.name.split('.').pop() ?? 'png'}`, { type: file.type });
}

async function run(id: string): Promise<void> {
  const job = pending.get(id);
  if (!job) return;
  const key = chatKey(job.account, job.peer);
  setState((s) => ({
    uploads: withUploadChange(s.uploads, key, id, { status: 'uploading', sent: 0, error: undefined }),
  }));
  try {
    // Over the server's limit: said in the user's words, and no retry is offered (it could not work).
    const { maxFileSize } = await call('upload.service', { account: job.account }).catch(() => ({
      maxFileSize: undefined,
    }));
    if (maxFileSize !== undefined && job.file.size > maxFileSize) {
      const error = translator(getState().settings.language)('files.tooLarge', { max: formatBytes(maxFileSize) });
      pending.delete(id);
      setState((s) => ({ uploads: withUploadChange(s.uploads, key, id, { status: 'failed', error, final: true }) }));
      return;
    }
    const { upload } = await call('upload.begin', {
      account: job.account,
      to: job.peer,
      name: job.file.name || 'file',
      size: job.file.size,
      type: job.file.type || 'application/octet-stream',
    });
    job.engineId = upload;
    for (let offset = 0; offset < job.file.size; offset += FILE_CHUNK_BYTES) {
      if (job.cancelled) return;
      const data = new Uint8Array(await job.file.slice(offset, offset + FILE_CHUNK_BYTES).arrayBuffer());
      const { sent } = await call('upload.chunk', { upload, data });
      setState((s) => ({ uploads: withUploadChange(s.uploads, key, id, { sent }) }));
    }
    if (job.cancelled) return;
    await call('upload.finish', { upload });
    pending.delete(id);
    setState((s) => ({ uploads: withoutUpload(s.uploads, key, id) }));
  } catch (error) {
    if (job.cancelled) return;
    setState((s) => ({ uploads: withUploadChange(s.uploads, key, id, { status: 'failed', error: messageOf(error) }) }));
  }
}

/** Each file uploads on its own, with its own progress, side by side. */
export function uploadFiles(account: AccountId, peer: BareJid, files: readonly File[]): void {
  const key = chatKey(account, peer);
  for (const file of files) {
    const id = crypto.randomUUID();
    pending.set(id, { account, peer, file, cancelled: false });
    setState((s) => ({
      uploads: withUpload(s.uploads, key, {
        id,
        name: file.name || 'file',
        size: file.size,
        sent: 0,
        status: 'uploading',
      }),
    }));
    void run(id);
  }
}

export function cancelUpload(account: AccountId, peer: BareJid, id: string): void {
  const job = pending.get(id);
  pending.delete(id);
  if (job) {
    job.cancelled = true;
    if (job.engineId) void call('upload.cancel', { upload: job.engineId }).catch(() => undefined);
  }
  setState((s) => ({ uploads: withoutUpload(s.uploads, chatKey(account, peer), id) }));
}

export function retryUpload(id: string): void {
  const job = pending.get(id);
  if (!job) return;
  job.engineId = undefined;
  void run(id);
}

async function readAll(file: DownloadedFile): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  let offset = 0;
  while (offset < file.size) {
    const part = await call('files.read', { id: file.id, offset, length: MAX_READ_BYTES });
    if (part.length === 0) break;
    bytes.set(part.subarray(0, file.size - offset), offset);
    offset += part.length;
  }
  return bytes.subarray(0, offset);
}

/** Asks the file server for size and type (HEAD), once per URL. */
export function probeFile(account: AccountId, url: string): void {
  if (getState().downloads[url]) return;
  setState((s) => ({ downloads: withDownload(s.downloads, url, { status: 'probing' }) }));
  // A download may have started meanwhile: only "probing" falls back to "idle".
  const probed = (info?: RemoteFileInfo): void =>
    setState((s) => ({
      downloads: withDownload(s.downloads, url, {
        ...(s.downloads[url]?.status === 'probing' ? { status: 'idle' } : {}),
        ...(info ? { info } : {}),
      }),
    }));
  call('files.probe', { account, url }).then(probed, () => probed());
}

/** Downloads (no more than maxBytes, counted by the engine on the bytes) and makes an image preview when the bytes are one. */
export async function fetchFile(account: AccountId, url: string, maxBytes: number): Promise<void> {
  const status = getState().downloads[url]?.status;
  if (status === 'downloading' || status === 'done') return;
  setState((s) => ({
    downloads: withDownload(s.downloads, url, { status: 'downloading', received: 0, error: undefined }),
  }));
  try {
    const file = await call('files.download', { account, url, maxBytes });
    let previewUrl: string | undefined;
    if (file.type.startsWith('image/') && file.size <= PREVIEW_MAX_BYTES) {
      const bytes = await readAll(file);
      const type = sniffImageType(bytes);
      if (type) previewUrl = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type }));
    }
    setState((s) => ({
      downloads: withDownload(s.downloads, url, {
        status: 'done',
        file,
        received: file.size,
        total: file.size,
        previewUrl,
      }),
    }));
  } catch (error) {
    setState((s) => ({ downloads: withDownload(s.downloads, url, { status: 'failed', error: messageOf(error) }) }));
  }
}

/** A download to the user's disk: the browser's download (Electron asks where with its save dialog). */
export async function saveFile(file: DownloadedFile): Promise<void> {
  const bytes = await readAll(file);
  // Never the file's own type: an HTML or SVG blob opened from here would run with the app's origin.
  downloadBlob([bytes as Uint8Array<ArrayBuffer>], file.name, 'application/octet-stream');
}

/** Hands bytes or text to the user as a download (Electron asks where with its save dialog). */
export function downloadBlob(parts: BlobPart[], name: string, type: string): void {
  const href = URL.createObjectURL(new Blob(parts, { type }));
  const link = document.createElement('a');
  link.href = href;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
}
