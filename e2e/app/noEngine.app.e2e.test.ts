import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serveDirectory } from '../../scripts/staticServer.ts';
import { launchChromium } from './harness.ts';

test('without a reachable engine the page says so instead of staying blank', async () => {
  const web = await serveDirectory(join(import.meta.dirname, '..', '..', 'dist', 'renderer'));
  const browser = await launchChromium();
  const page = await browser.newPage();
  await page.goto(web.url);
  assert.match(await page.getByRole('alert').innerText(), /engine is not reachable: open this page from the app/);
  await page.goto(`${web.url}?bridgePort=1#token=wrong`);
  assert.match(await page.getByRole('alert').innerText(), /engine is not reachable: Cannot reach the engine bridge/);
  await browser.close();
  web.server.close();
});
