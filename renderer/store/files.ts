// Files on their way: uploads per chat (each with its own progress) and downloads per URL.
import type { DownloadedFile, RemoteFileInfo } from '../../shared/model/file.ts';
import type { ChatKey } from './chats.ts';

export interface UploadItem {
  /** The renderer's own id (the engine's upload id changes on retry). */
  id: string;
  name: string;
  size: number;
  sent: number;
  status: 'uploading' | 'failed';
  error?: string | undefined;
  /** Trying again cannot help (the file is over the server's limit). */
  final?: boolean | undefined;
}

export interface DownloadItem {
  status: 'probing' | 'idle' | 'downloading' | 'done' | 'failed';
  /** From a HEAD request: a hint for the size shown and the auto-download decision, never a limit. */
  info?: RemoteFileInfo | undefined;
  received: number;
  total?: number | undefined;
  file?: DownloadedFile | undefined;
  /** A blob: URL of the bytes, only when they are a raster image by their signature. */
  previewUrl?: string | undefined;
  error?: string | undefined;
}

export type UploadsByChat = Record<ChatKey, UploadItem[]>;
export type DownloadsByUrl = Record<string, DownloadItem>;

export function withUpload(uploads: UploadsByChat, key: ChatKey, item: UploadItem): UploadsByChat {
  return { ...uploads, [key]: [...(uploads[key] ?? []).filter((u) => u.id !== item.id), item] };
}

export function withUploadChange(
  uploads: UploadsByChat,
  key: ChatKey,
  id: string,
  change: Partial<UploadItem>,
): UploadsByChat {
  const list = uploads[key];
  if (!list?.some((u) => u.id === id)) return uploads;
  return { ...uploads, [key]: list.map((u) => (u.id === id ? { ...u, ...change } : u)) };
}

export function withoutUpload(uploads: UploadsByChat, key: ChatKey, id: string): UploadsByChat {
  const list = (uploads[key] ?? []).filter((u) => u.id !== id);
  const next = { ...uploads };
  if (list.length) next[key] = list;
  else delete next[key];
  return next;
}

export function withDownload(downloads: DownloadsByUrl, url: string, change: Partial<DownloadItem>): DownloadsByUrl {
  const current = downloads[url] ?? { status: 'idle', received: 0 };
  return { ...downloads, [url]: { ...current, ...change } };
}

/** Progress events count only while that download runs (a late event must not undo "done"). */
export function withDownloadProgress(
  downloads: DownloadsByUrl,
  url: string,
  received: number,
  total: number | undefined,
): DownloadsByUrl {
  const current = downloads[url];
  return current?.status === 'downloading' ? withDownload(downloads, url, { received, total }) : downloads;
}
