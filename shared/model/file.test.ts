import { assert, test } from 'vitest';
import {
  fileKind,
  formatBytes,
  fileNameFromUrl,
  isAllowedFileUrl,
  isPreviewableImageName,
  parseEncryptedFileUrl,
  sanitizeFileName,
  sharedFileUrl,
  sniffImageType,
} from './file.ts';

test('sanitizeFileName strips directories, hidden-file dots, invisible and bidi characters, device names', () => {
  assert.strictEqual(sanitizeFileName('../../etc/passwd'), 'passwd');
  assert.strictEqual(sanitizeFileName('..\\..\\windows\\system32\\evil.dll'), 'evil.dll');
  assert.strictEqual(sanitizeFileName('.bashrc'), 'bashrc');
  assert.strictEqual(sanitizeFileName('photo\u202Egpj.exe'), 'photogpj.exe');
  assert.strictEqual(sanitizeFileName('a\u0000b\u200Bc.txt'), 'abc.txt');
  assert.strictEqual(sanitizeFileName('report.pdf            .exe'), 'report.pdf .exe');
  assert.strictEqual(sanitizeFileName('CON.txt'), '_CON.txt');
  assert.strictEqual(sanitizeFileName('what?<now>.png'), 'what__now_.png');
  assert.strictEqual(sanitizeFileName('   '), 'file');
  assert.strictEqual(sanitizeFileName('...'), 'file');
  const long = sanitizeFileName(`${'x'.repeat(500)}.jpeg`);
  assert.strictEqual(long.length, 120);
  assert.ok(long.endsWith('.jpeg'));
});

test('only https URLs (http on loopback only when asked for, as tests do), without credentials', () => {
  assert.ok(isAllowedFileUrl('https://upload.example.org/a/b.png'));
  assert.ok(!isAllowedFileUrl('http://127.0.0.1:5280/file.png'));
  assert.ok(!isAllowedFileUrl('http://localhost/file.png'));
  assert.ok(isAllowedFileUrl('http://127.0.0.1:5280/file.png', true));
  assert.ok(isAllowedFileUrl('http://localhost/file.png', true));
  assert.ok(!isAllowedFileUrl('http://example.org/file.png', true));
  assert.ok(!isAllowedFileUrl('https://user:pw@example.org/file.png'));
  assert.ok(!isAllowedFileUrl('file:///etc/passwd'));
  assert.ok(!isAllowedFileUrl('javascript:alert(1)'));
  assert.ok(!isAllowedFileUrl('not a url'));
});

test('a shared file is a lone URL the sender marked, or one ending in a file name', () => {
  assert.strictEqual(sharedFileUrl(' https://h.example/f/cat.jpg '), 'https://h.example/f/cat.jpg');
  assert.strictEqual(sharedFileUrl('https://h.example/f/abc', 'https://h.example/f/abc'), 'https://h.example/f/abc');
  assert.strictEqual(sharedFileUrl('https://h.example/'), undefined);
  assert.strictEqual(sharedFileUrl('look https://h.example/cat.jpg'), undefined);
  assert.strictEqual(sharedFileUrl('http://evil.example/cat.jpg'), undefined);
  assert.strictEqual(sharedFileUrl('https://h.example/.hidden'), undefined);
});

test('file names from URLs are decoded and sanitized', () => {
  assert.strictEqual(fileNameFromUrl('https://h.example/share/x/a%20b%20%C3%A9.txt'), 'a b é.txt');
  assert.strictEqual(fileNameFromUrl('https://h.example/share/x/..%2F..%2Fetc%2Fpasswd'), 'passwd');
  assert.strictEqual(fileNameFromUrl('https://h.example/share/x/%E0%A4%A'), '%E0%A4%A');
});

test('kinds and previews by extension; SVG is never a preview', () => {
  assert.strictEqual(fileKind('x.PNG'), 'image');
  assert.strictEqual(fileKind('x.pdf'), 'document');
  assert.strictEqual(fileKind('x.tar.gz'), 'archive');
  assert.strictEqual(fileKind('x'), 'other');
  assert.ok(isPreviewableImageName('a.jpeg'));
  assert.ok(!isPreviewableImageName('a.svg'));
});

test('images are recognised by their first bytes only', () => {
  assert.strictEqual(sniffImageType(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0])), 'image/png');
  assert.strictEqual(sniffImageType(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.strictEqual(sniffImageType(new TextEncoder().encode('GIF89a....')), 'image/gif');
  assert.strictEqual(sniffImageType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 ')), 'image/webp');
  assert.strictEqual(
    sniffImageType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')),
    undefined,
  );
  assert.strictEqual(sniffImageType(new TextEncoder().encode('<html><body>hi</body></html>')), undefined);
  assert.strictEqual(sniffImageType(new Uint8Array()), undefined);
});

test('sizes read as people write them', () => {
  assert.strictEqual(formatBytes(0), '0 bytes');
  assert.strictEqual(formatBytes(1536), '1.5 KiB');
  assert.strictEqual(formatBytes(10 * 1024 * 1024), '10 MiB');
  assert.strictEqual(formatBytes(100 * 1024 * 1024 + 5), '100 MiB');
});

test('XEP-0454 links: IV and key read from the fragment, the file fetched over https, shown as a file whatever its name', () => {
  const iv = '0123456789abcdef01234567';
  const key = 'ab'.repeat(32);
  const url = `aesgcm://upload.example.com/slot/notes#${iv}${key}`;
  const parts = parseEncryptedFileUrl(url);
  assert.strictEqual(parts?.httpsUrl, 'https://upload.example.com/slot/notes');
  assert.strictEqual(parts?.iv.length, 12);
  assert.deepStrictEqual([...(parts?.key ?? [])].slice(0, 2), [0xab, 0xab]);
  assert.strictEqual(parseEncryptedFileUrl(`aesgcm://upload.example.com/x#${iv}`), undefined, 'no key');
  assert.strictEqual(
    parseEncryptedFileUrl(`aesgcm://user:pw@upload.example.com/x#${iv}${key}`)?.httpsUrl,
    'https://user:pw@upload.example.com/x',
  );
  assert.strictEqual(
    isAllowedFileUrl(`aesgcm://user:pw@upload.example.com/x#${iv}${key}`),
    false,
    'credentials refused as for https',
  );
  assert.strictEqual(sharedFileUrl(url), url);
});
