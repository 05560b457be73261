import { assert, test } from 'vitest';
import type { ChatMessage } from '../../shared/model/message.ts';
import type { DownloadItem } from '../store/files.ts';
import { chatImages, nextZoom } from './imageGallery.ts';

const message = (id: string, url: string, extra: Partial<ChatMessage> = {}): ChatMessage =>
  ({ id, body: url, oobUrl: url, peer: 'p@x', account: 'a@x', ...extra }) as unknown as ChatMessage;
const fetched = (previewUrl?: string): DownloadItem => ({ status: 'done', received: 1, previewUrl });

test('the gallery holds fetched images once each, oldest first; retracted and unfetched ones are left out', () => {
  const images = chatImages(
    [
      message('1', 'https://h/a.png'),
      message('2', 'https://h/b.pdf'),
      message('3', 'https://h/c.jpg', { retracted: true }),
      message('4', 'https://h/a.png'),
      message('5', 'https://h/d.webp'),
      message('6', 'https://h/e.png'),
    ],
    {
      'https://h/a.png': fetched('blob:a'),
      'https://h/b.pdf': fetched(),
      'https://h/c.jpg': fetched('blob:c'),
      'https://h/d.webp': fetched('blob:d'),
    },
  );
  assert.deepEqual(
    images.map((i) => [i.name, i.previewUrl, i.messageId]),
    [
      ['a.png', 'blob:a', '1'],
      ['d.webp', 'blob:d', '5'],
    ],
  );
});

test('zoom steps from the fitted scale and stops at the ends', () => {
  assert.strictEqual(nextZoom('fit', 1, 0.4), 0.5);
  assert.strictEqual(nextZoom('fit', -1, 0.4), 0.25);
  assert.strictEqual(nextZoom(1, 1, 0.4), 1.5);
  assert.strictEqual(nextZoom(4, 1, 0.4), 4);
  assert.strictEqual(nextZoom(0.25, -1, 0.4), 0.25);
});
