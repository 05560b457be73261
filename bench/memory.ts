// Memory with a full day's load: 20 rooms of 200 occupants and 1,000 stored messages each, 2,000 contacts.
// The engine runs compiled in a process of its own (memoryEngine.ts), so its figure holds nothing of the
// bench; the window is Chromium's page on it, every room opened once, its files served from here (in the
// app Electron reads them). Engine: resident memory (RSS). Window: the proportional share (PSS) of the
// browser's renderer processes, so pages they share are counted once.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import { newUser } from '../e2e/helpers/accounts.ts';
import { connectComponent } from '../e2e/helpers/component.ts';
import { launchChromium } from '../e2e/app/harness.ts';
import { rendererUrl } from '../electron/bridge/wsServer.ts';
import { serveDirectory } from '../scripts/staticServer.ts';
import { playRoom } from './muc.ts';
import { proportionalMiB } from './procMemory.ts';
import { report } from './stats.ts';
import { BOTS, fillRoster } from './ui.ts';

/** The next JSON line the engine prints. */
async function nextLine<T>(lines: Interface, engine: ChildProcess): Promise<T> {
  const line = await new Promise<string>((resolve, reject) => {
    lines.once('line', resolve);
    engine.once('exit', (code) => reject(new Error(`the engine process ended (${String(code)})`)));
  });
  return JSON.parse(line) as T;
}

export async function benchMemory(
  server: ProsodyServer,
  rooms: number,
  occupants: number,
  contacts: number,
): Promise<void> {
  const user = await newUser(server, 'memory');
  await fillRoster(server, user, contacts);
  const component = await connectComponent(server.ports.component ?? 0, BOTS.domain, BOTS.secret);
  playRoom(component, occupants);
  const jids = Array.from({ length: rooms }, (_, i) => `room-${i}@${BOTS.domain}`);
  const dir = mkdtempSync(join(tmpdir(), 'jabberdesk-memory-'));
  // Run as plain JavaScript: Node's type stripping alone takes about 14 MiB, which the app never loads.
  const script = join(dir, 'memoryEngine.mjs');
  writeFileSync(script, stripTypeScriptTypes(readFileSync(new URL('./memoryEngine.ts', import.meta.url), 'utf8')));
  const root = join(import.meta.dirname, '..');
  const web = await serveDirectory(join(root, 'dist', 'renderer'));
  const engine = spawn(
    process.execPath,
    [
      '--expose-gc',
      script,
      root,
      user.jid,
      user.password,
      server.host,
      String(server.ports.c2s),
      server.fingerprint,
      join(dir, 'jabberdesk.sqlite'),
      new URL(web.url).origin,
      jids.join(','),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  if (!engine.stdout) throw new Error('the engine process has no output');
  const lines = createInterface({ input: engine.stdout });
  const started = nextLine<{ port: number; token: string }>(lines, engine);
  const browser = await launchChromium();
  try {
    const bridge = await started;
    const page = await browser.newPage({ viewport: { width: 1100, height: 720 } });
    await page.goto(rendererUrl(web.url, bridge));
    const list = page.getByRole('navigation', { name: 'Chats' });
    for (const room of jids) {
      await list
        .getByRole('button', { name: new RegExp(`^${room.split('@')[0] ?? ''}(@|,|$)`, 'u') })
        .click({ timeout: 10_000 });
      await page.getByText('room message 999 with a little text to read').first().waitFor();
    }
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('Performance.enable');
    const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value;
    engine.stdin?.write('measure\n');
    const measured = await nextLine<{ rssMiB: number; heapMiB: number; occupants: number }>(lines, engine);
    const info = (await (await browser.newBrowserCDPSession()).send('SystemInfo.getProcessInfo')) as {
      processInfo: { type: string; id: number }[];
    };
    // Every renderer process of the browser, not only the page's (Chromium runs a second one, about 24 MiB).
    const renderers = info.processInfo.filter((p) => p.type === 'renderer').map((p) => proportionalMiB(p.id));
    const windowMiB = renderers.reduce((a, b) => a + b, 0);
    const params = { rooms, occupants, contacts, engineOccupants: measured.occupants, renderersMiB: renderers };
    const what = `memory, ${rooms} rooms × ${occupants} + ${contacts} contacts`;
    report(`${what}: engine + window (target 300 MB = 286 MiB)`, 'MiB', measured.rssMiB + windowMiB, params);
    report(`  engine process, resident (RSS)`, 'MiB', measured.rssMiB, params);
    report(`  window: renderer processes (PSS, ${renderers.length})`, 'MiB', windowMiB, params);
    report(`  engine JS heap`, 'MiB', measured.heapMiB, params);
    report(`  window JS heap`, 'MiB', (heap ?? Number.NaN) / 1024 / 1024, params);
  } finally {
    await browser.close();
    web.server.close();
    engine.stdin?.write('quit\n');
    await new Promise((resolve) => (engine.exitCode === null ? engine.once('exit', resolve) : resolve(undefined)));
    component.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
