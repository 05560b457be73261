import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_AVATAR_BYTES } from '../../../shared/model/avatar.ts';
import { createAvatarCache, sha1Hex, sniffImage } from './avatarCache.ts';

const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489', 'hex');

test('only images by their first bytes, within the cap, with the announced hash, are kept under that hash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'avatars-'));
  try {
    const cache = createAvatarCache(dir);
    const hash = sha1Hex(PNG);
    assert.deepEqual(cache.put(PNG, hash.toUpperCase()), { hash, type: 'image/png' });
    assert.ok(cache.has(hash));
    assert.deepEqual(cache.read(hash)?.bytes, PNG);
    assert.deepEqual(cache.put(PNG, '0'.repeat(40)), { refused: 'hash-mismatch' });
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    assert.deepEqual(cache.put(svg), { refused: 'not-an-image' });
    const huge = Buffer.concat([PNG, Buffer.alloc(MAX_AVATAR_BYTES)]);
    assert.deepEqual(cache.put(huge), { refused: 'too-large' });
    assert.equal(cache.read('../../etc/passwd'), undefined);
    assert.equal(cache.has('../x'), false);
    assert.deepEqual(readdirSync(join(dir, 'avatars')), [hash]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the four raster formats are told by their magic bytes', () => {
  assert.equal(sniffImage(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), 'image/jpeg');
  assert.equal(sniffImage(Buffer.from('GIF89a')), 'image/gif');
  assert.equal(
    sniffImage(Buffer.concat([Buffer.from('RIFF'), Buffer.alloc(4), Buffer.from('WEBPVP8 ')])),
    'image/webp',
  );
  assert.equal(sniffImage(Buffer.from('RIFF0000WAVE')), undefined);
  assert.equal(sniffImage(Buffer.alloc(0)), undefined);
});
