// A big room: filled by an XEP-0114 component playing the occupants (one socket instead of
// thousands of logins), then joined from the renderer: time until the occupant list is complete,
// the renderer's heap, and the longest task while the presence flood arrives. Then a busy room.
import { randomBytes } from 'node:crypto';
import type { BareJid } from '../shared/model/jid.ts';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import { newUser, startEngine } from '../e2e/helpers/accounts.ts';
import { eventually } from '../e2e/helpers/waitFor.ts';
import { startApp, withAccount } from '../e2e/app/harness.ts';
import { connectComponent } from './component.ts';
import { report } from './stats.ts';
import { BOTS } from './ui.ts';

export async function benchBigRoom(server: ProsodyServer, occupants: number): Promise<void> {
  const [ownerUser, meUser] = [await newUser(server, 'roomowner'), await newUser(server, 'joiner')];
  const owner = await startEngine(server, ownerUser);
  const room = `big-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
  await owner.core.commands['muc.join']({ account: owner.account, room, nick: 'Owner' });
  const component = await connectComponent(server.ports.component ?? 0, BOTS.domain, BOTS.secret);
  const filled = performance.now();
  for (let i = 0; i < occupants; i++) {
    component.send(
      `<presence from='bot${i}@${BOTS.domain}/b' to='${room}/bot${i}'><x xmlns='http://jabber.org/protocol/muc'/><status>bot ${i}</status></presence>`,
    );
  }
  await eventually(
    () => owner.core.runtime(owner.account).modules.muc.occupants(room).length >= occupants + 1,
    'the room to fill',
    600_000,
  );
  report(`room of ${occupants}: filled by the component`, 's', (performance.now() - filled) / 1000, { occupants });

  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page, core } = app;
  await page.getByRole('button', { name: 'Join a group chat' }).waitFor();
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  const started = Date.now();
  await core.commands['muc.join']({ account: meUser.jid, room, nick: 'Me' });
  await page
    .getByRole('region', { name: 'Group chats' })
    .getByRole('button', { name: new RegExp(room.split('@')[0] ?? '') })
    .click();
  await page.waitForFunction(
    (n) =>
      Array.from(document.querySelectorAll('.occupants section h3 .muted')).reduce(
        (sum, el) => sum + Number(el.textContent),
        0,
      ) >= n,
    occupants + 2,
    { polling: 'raf', timeout: 120_000 },
  );
  report(`room of ${occupants}: join → occupant list complete`, 'ms', Date.now() - started, { occupants });
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  report(`room of ${occupants}: longest task during the flood`, 'ms', Math.max(0, ...longTasks), { occupants });
  report(`room of ${occupants}: tasks over 100 ms`, 'count', longTasks.filter((d) => d > 100).length, { occupants });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  report(
    `room of ${occupants}: renderer JS heap`,
    'MiB',
    (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 1024 / 1024,
    { occupants },
  );

  // A busy room: 1,000 messages a minute for 20 s, while the room is open in the renderer.
  const cpuBefore = process.cpuUsage();
  const rendererBefore =
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const windowMs = 20_000;
  const perMinute = 1000;
  const busyStart = performance.now();
  for (let i = 0; i < (perMinute * windowMs) / 60_000; i++) {
    await owner.core.commands['muc.send']({ account: owner.account, room, body: `busy message ${i}` });
    await new Promise((r) => setTimeout(r, 60_000 / perMinute));
  }
  const elapsed = performance.now() - busyStart;
  const cpu = process.cpuUsage(cpuBefore);
  const rendererAfter =
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  report('busy room (1,000 msg/min): engine process CPU', '%', ((cpu.user + cpu.system) / 1000 / elapsed) * 100, {
    perMinute,
  });
  report(
    'busy room (1,000 msg/min): renderer main thread busy',
    '%',
    (((rendererAfter - rendererBefore) * 1000) / elapsed) * 100,
    { perMinute },
  );
  component.close();
  await app.close();
  await owner.close();
}
