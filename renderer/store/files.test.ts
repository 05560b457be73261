import { assert, test } from 'vitest';
import { withDownload, withDownloadProgress, withoutUpload, withUpload, withUploadChange } from './files.ts';

test('uploads: several per chat, each with its own progress, removed one by one', () => {
  let uploads = withUpload({}, 'a b', { id: '1', name: 'x.png', size: 10, sent: 0, status: 'uploading' });
  uploads = withUpload(uploads, 'a b', { id: '2', name: 'y.png', size: 20, sent: 0, status: 'uploading' });
  uploads = withUploadChange(uploads, 'a b', '2', { sent: 5 });
  assert.deepStrictEqual(
    uploads['a b']?.map((u) => [u.id, u.sent]),
    [
      ['1', 0],
      ['2', 5],
    ],
  );
  assert.strictEqual(withUploadChange(uploads, 'a b', 'gone', { sent: 1 }), uploads);
  uploads = withoutUpload(uploads, 'a b', '1');
  uploads = withoutUpload(uploads, 'a b', '2');
  assert.deepStrictEqual(uploads, {});
});

test('a late progress event does not undo a finished download', () => {
  let downloads = withDownload({}, 'u', { status: 'downloading' });
  downloads = withDownloadProgress(downloads, 'u', 50, 100);
  assert.strictEqual(downloads.u?.received, 50);
  downloads = withDownload(downloads, 'u', { status: 'done', received: 100 });
  assert.strictEqual(withDownloadProgress(downloads, 'u', 60, 100), downloads);
});
