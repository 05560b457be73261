// The images of a chat the viewer can step through: shared files among the loaded messages whose
// preview was fetched (under the download policy), oldest first.
import { fileNameFromUrl, sharedFileUrl } from '../../shared/model/file.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import type { DownloadItem } from '../store/files.ts';

export interface GalleryImage {
  url: string;
  name: string;
  previewUrl: string;
  messageId: string;
}

export function chatImages(
  messages: readonly ChatMessage[],
  downloads: Readonly<Record<string, DownloadItem | undefined>>,
): GalleryImage[] {
  const images: GalleryImage[] = [];
  const seen = new Set<string>();
  for (const message of messages) {
    if (message.retracted) continue;
    const url = sharedFileUrl(message.body, message.oobUrl);
    const previewUrl = url ? downloads[url]?.previewUrl : undefined;
    if (!url || !previewUrl || seen.has(url)) continue;
    seen.add(url);
    images.push({ url, name: fileNameFromUrl(url), previewUrl, messageId: message.id });
  }
  return images;
}

/** Zoom steps of the viewer; `fit` shows the whole image in the window. */
const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4] as const;

export function nextZoom(current: number | 'fit', direction: 1 | -1, fitScale: number): number | 'fit' {
  const from = current === 'fit' ? fitScale : current;
  const steps = direction > 0 ? ZOOM_STEPS.filter((z) => z > from + 1e-6) : ZOOM_STEPS.filter((z) => z < from - 1e-6);
  const next = direction > 0 ? steps[0] : steps.at(-1);
  return next ?? current;
}
