// Renderer benchmarks in Chromium through the bridge: a 2,000-contact roster with presence, and a
// chat with 10,000 stored messages.
import type { CDPSession, Page } from 'playwright-core';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import xml, { type Element } from '@xmpp/xml';
import { befriend, newUser, rawClient, startEngine, type TestUser } from '../e2e/helpers/accounts.ts';
import { storeHistory } from '../e2e/helpers/history.ts';
import { startApp, withAccount } from '../e2e/app/harness.ts';
import { connectComponent, presenceXml } from '../e2e/helpers/component.ts';
import { report } from './stats.ts';
import { bareLogin } from './floor.ts';

export const BOTS = { domain: 'bots.localhost', secret: 'bench-component-secret' };
const SHOWS = ['online', 'chat', 'away', 'xa', 'dnd'];

async function heapMb(page: Page, cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(100);
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? Number.NaN) / 1024 / 1024;
}

/** What a page condition is asked about (how many, and which figure of a "<a> of <b>" label). */
export interface Probe {
  n: number;
  which: number;
}

/**
 * Runs in the page: checks the condition now and after every change to the page and, once it holds,
 * resolves with the clock at the next frame's start (the frame that showed the change has then been
 * painted). Timed in the page, so the harness's own round trips to the browser are not counted as the
 * app's time.
 */
function paintedInPage(holds: (probe: Probe) => boolean, probe: Probe, timeoutMs: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const observer = new MutationObserver(() => check());
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not painted within ${timeoutMs} ms`));
    }, timeoutMs);
    const check = (): void => {
      if (!holds(probe)) return;
      observer.disconnect();
      clearTimeout(timer);
      requestAnimationFrame(() => resolve(Date.now()));
    };
    observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
    check();
  });
}

/** Resolves with the time (Date.now(), the page's clock is the machine's) the condition was first painted. */
export async function paintedWhen(
  page: Page,
  condition: (probe: Probe) => boolean,
  arg: Probe,
  timeoutMs = 30_000,
): Promise<number> {
  // A string expression: the page's CSP forbids building functions from text in the page itself.
  const expression = `(${paintedInPage.toString()})(${condition.toString()}, ${JSON.stringify(arg)}, ${timeoutMs})`;
  return (await page.evaluate(expression).catch(async (error: unknown) => {
    await page.screenshot({ path: 'artifacts/bench-failure.png' });
    throw error;
  })) as number;
}

/**
 * Playwright's in-page helper (a script of a few hundred KB, parsed at the first locator action or
 * waitForFunction) and the probe's first run, before a measurement starts rather than inside it.
 */
export async function readyToMeasure(page: Page): Promise<void> {
  await page.waitForFunction(() => true);
  await paintedWhen(page, () => true, { n: 0, which: 0 });
}

/** Puts `contacts` roster items (on the bots' domain, in 20 groups) into the user's roster on the server. */
export async function fillRoster(server: ProsodyServer, user: TestUser, contacts: number): Promise<string[]> {
  const setup = await rawClient(server, user, 'setup');
  const jids = Array.from({ length: contacts }, (_, i) => `contact-${i}@${BOTS.domain}`);
  for (const [i, jid] of jids.entries()) {
    await setup.send(
      xml(
        'iq',
        { type: 'set', id: `r${i}` },
        xml(
          'query',
          { xmlns: 'jabber:iq:roster' },
          xml('item', { jid, name: `Contact ${i}` }, xml('group', {}, `Group ${i % 20}`)),
        ),
      ),
    );
  }
  // The server answers in order: once this one is back, every item above is stored.
  const done = new Promise<void>((resolve) =>
    setup.on('stanza', (s: Element) => {
      if (s.attrs.id === 'done') resolve();
    }),
  );
  await setup.send(xml('iq', { type: 'get', id: 'done' }, xml('query', { xmlns: 'jabber:iq:roster' })));
  await done;
  await setup.stop();
  return jids;
}

export async function benchRoster(server: ProsodyServer, contacts: number): Promise<void> {
  const user = await newUser(server, 'crowd');
  const jids = await fillRoster(server, user, contacts);

  const app = await startApp({
    prepare: async (core) => {
      await withAccount(core, server, user, 'bench');
      await core.commands['account.disconnect']({ account: user.jid });
    },
  });
  const { page, core } = app;
  await page.getByRole('button', { name: 'Connect' }).waitFor();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await readyToMeasure(page);
  const component = await connectComponent(server.ports.component ?? 0, BOTS.domain, BOTS.secret);
  /** Every contact's phone tells one resource of the account its presence; (sent at once; delivery takes its time). */
  const flood = (resource: string): void => {
    for (const [i, jid] of jids.entries())
      component.send(
        presenceXml(`${jid}/phone`, `${user.jid}/${resource}`, SHOWS[i % SHOWS.length] ?? 'online', `status ${i}`),
      );
  };

  const started = Date.now();
  await core.commands['account.connect']({ account: user.jid });
  const online = Date.now();
  flood('bench');
  // Every group header says "<online> of <total> online"; the rows themselves are virtualized.
  const counted = ({ n, which }: Probe): boolean =>
    Array.from(document.querySelectorAll('.group-count')).reduce(
      (sum, el) => sum + Number(/(\d+)\D+(\d+)/u.exec(el.textContent ?? '')?.[which] ?? 0),
      0,
    ) >= n && document.querySelector('.contact') !== null;
  const rosterPainted = await paintedWhen(page, counted, { n: contacts, which: 2 });
  const presencePainted = await paintedWhen(page, counted, { n: contacts, which: 1 });
  report(`roster ${contacts}: login → roster painted`, 'ms', rosterPainted - started, { contacts });
  report(`roster ${contacts}: online → roster painted`, 'ms', rosterPainted - online, { contacts });
  report(`roster ${contacts}: online → all presence painted`, 'ms', presencePainted - online, { contacts });
  report(`roster ${contacts}: renderer JS heap`, 'MiB', await heapMb(page, cdp), { contacts });
  // The floor: the same presences from the same component to a bare client of the same account, the app
  // still open beside it (the time the server and the machine need to deliver them).
  const bare = await bareLogin(server, user, 'floor');
  let received = 0;
  const all = new Promise<void>((resolve) =>
    bare.on('stanza', (stanza) => {
      if (stanza.name === 'presence' && stanza.attrs.from?.endsWith('/phone') && ++received === jids.length) resolve();
    }),
  );
  const floorStarted = Date.now();
  flood('floor');
  await all;
  report(`roster ${contacts}: floor, all presence at a bare client`, 'ms', Date.now() - floorStarted, { contacts });
  await bare.stop();
  await app.close();
  // The engine with no window to feed: what the app's figure would be if the renderer cost nothing.
  const engine = await startEngine(server, user, { resource: 'nowindow' });
  let read = 0;
  const allRead = new Promise<void>((resolve) =>
    engine.core.events.on('presence.changed', (e) => {
      if (e.presence.jid.endsWith(`@${BOTS.domain}`) && ++read === jids.length) resolve();
    }),
  );
  const engineStarted = Date.now();
  flood('nowindow');
  await allRead;
  report(`roster ${contacts}: engine without a window, all presence read`, 'ms', Date.now() - engineStarted, {
    contacts,
  });
  await engine.close();
  component.close();
}

export async function benchHistory(server: ProsodyServer, count: number): Promise<void> {
  const [meUser, peerUser] = [await newUser(server, 'reader'), await newUser(server, 'writer')];
  const setup = await startEngine(server, meUser);
  const peer = await startEngine(server, peerUser);
  await befriend(setup, peer, { name: 'Writer' }, { name: 'Reader' });
  await Promise.all([setup.close(), peer.close()]);
  const app = await startApp({
    sidebar: 'chats',
    prepare: async (core) => {
      await withAccount(core, server, meUser);
      storeHistory(core, meUser.jid, peerUser.jid, count);
      // A chat read before (one with thousands unread opens at its first unread instead).
      await core.commands['chat.markRead']({ account: meUser.jid, peer: peerUser.jid });
    },
  });
  const { page } = app;
  const contact = page.getByRole('navigation', { name: 'Chats' }).getByRole('button', { name: /^Writer/ });
  await contact.waitFor();
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  // Measured inside the page, from the click to the frame that shows the newest message (no driver round trips).
  const opened = await page.evaluate(
    (n) =>
      new Promise<number>((resolve) => {
        const button = Array.from(document.querySelectorAll<HTMLButtonElement>('.chat-rows button')).find((b) =>
          b.getAttribute('aria-label')?.startsWith('Writer'),
        );
        const started = performance.now();
        button?.click();
        const check = (): void => {
          if (
            Array.from(document.querySelectorAll('.virtual-row')).some((r) =>
              r.textContent?.includes(`message ${n - 1}`),
            )
          )
            resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        requestAnimationFrame(check);
      }),
    count,
  );
  report(`chat ${count}: open → newest page painted`, 'ms', opened, { count });

  const scrollStart = Date.now();
  await page.evaluate(() => {
    (window as unknown as { longTasks: number[] }).longTasks.length = 0;
  });
  const log = page.getByRole('log');
  for (let i = 0; i < 5000 && !(await log.getByText('message 0', { exact: true }).isVisible()); i++) {
    await log.evaluate(
      (el) =>
        new Promise((resolve) => {
          el.scrollTop = 0;
          requestAnimationFrame(() => requestAnimationFrame(resolve));
        }),
    );
  }
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  report(`chat ${count}: scroll to the oldest`, 'ms', Date.now() - scrollStart, { count });
  report(`chat ${count}: long tasks over 50 ms while scrolling`, 'count', longTasks.length, { count });
  report(`chat ${count}: longest task while scrolling`, 'ms', Math.max(0, ...longTasks), { count });
  await app.close();
}
