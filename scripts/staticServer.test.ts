import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NotBuiltError, serveDirectory } from './staticServer.ts';

test('a directory without a built renderer is refused in words, before anything listens', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'unbuilt-'));
  await assert.rejects(serveDirectory(empty), (error: unknown) => {
    assert.ok(error instanceof NotBuiltError);
    assert.match(error.message, /npm run build/u);
    return true;
  });
});

test('a file that disappears while served ends that response; the server goes on serving', async (t) => {
  const root = mkdtempSync(join(tmpdir(), 'built-'));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>app</title>');
  const { server, url } = await serveDirectory(root);
  t.after(() => server.close());
  assert.match(await (await fetch(url)).text(), /<title>app<\/title>/u);
  rmSync(join(root, 'index.html'));
  await assert.rejects(fetch(`${url}gone.js`).then((r) => r.text()));
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>again</title>');
  assert.match(await (await fetch(url)).text(), /again/u);
});
