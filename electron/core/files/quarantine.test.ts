import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markAsDownloaded, type QuarantineDeps } from './quarantine.ts';

const key = 'a'.repeat(88);

test('Windows: a Zone.Identifier stream saying "internet", without the encrypted file\'s key', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'jd-motw-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const path = join(dir, 'report.pdf');
  const deps: QuarantineDeps = { platform: 'win32', run: () => Promise.reject(new Error('not used')), now: () => 0 };
  await markAsDownloaded(path, `aesgcm://files.example/x/report.pdf#${key}`, deps);
  // On NTFS this is an alternate data stream; elsewhere the same name is a plain file, which lets us read it.
  const mark = readFileSync(`${path}:Zone.Identifier`, 'utf8');
  assert.equal(mark, '[ZoneTransfer]\r\nZoneId=3\r\nHostUrl=https://files.example/x/report.pdf\r\n');
});

test('macOS: the quarantine attribute through xattr; Linux: nothing', async () => {
  const calls: Array<[string, readonly string[]]> = [];
  const run = (file: string, args: readonly string[]): Promise<void> => {
    calls.push([file, args]);
    return Promise.resolve();
  };
  await markAsDownloaded('/cache/f/song.mp3', 'https://x.example/song.mp3', {
    platform: 'darwin',
    run,
    now: () => 0x5f5e1000 * 1000,
  });
  assert.deepEqual(calls, [
    ['/usr/bin/xattr', ['-w', 'com.apple.quarantine', '0081;5f5e1000;JabberDesk;', '/cache/f/song.mp3']],
  ]);
  await markAsDownloaded('/cache/f/song.mp3', 'https://x.example/song.mp3', { platform: 'linux', run, now: () => 0 });
  assert.equal(calls.length, 1);
});
