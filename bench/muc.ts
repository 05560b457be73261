// A big room: played by an XEP-0114 component behind Prosody (a MUC of its own on the bots' domain), so
// the figure is the client's work, not the server's n² presence fan-out while filling a room. On a join
// the component sends every occupant's presence, then ours (status 110) and the subject, as XEP-0045
// orders them. The floor: a bare @xmpp/client joining the same room, until its own presence arrives.
// Then a busy room on Prosody's own MUC.
import { randomBytes } from 'node:crypto';
import type { Element } from '@xmpp/xml';
import xml from '@xmpp/xml';
import type { BareJid } from '../shared/model/jid.ts';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import { newUser, startEngine } from '../e2e/helpers/accounts.ts';
import { startApp, withAccount, showContacts } from '../e2e/app/harness.ts';
import { eventually } from '../e2e/helpers/waitFor.ts';
import { type Component, connectComponent } from '../e2e/helpers/component.ts';
import { bareLogin } from './floor.ts';
import { compare, report } from './stats.ts';
import { BOTS, paintedWhen, type Probe, readyToMeasure } from './ui.ts';

const MUC_USER = 'http://jabber.org/protocol/muc#user';

/** Answers joins to any room on the bots' domain with `occupants` others; other requests get an error. */
export function playRoom(component: Component, occupants: number): void {
  const send = (stanza: Element): void => component.send(stanza.toString());
  component.onStanza((stanza) => {
    const to = stanza.attrs.to ?? '';
    const from = stanza.attrs.from ?? '';
    const room = to.split('/')[0] ?? '';
    if (stanza.name === 'presence' && to.includes('/') && stanza.attrs.type === undefined) {
      const nick = to.slice(room.length + 1);
      const occupant = (n: string, extra: Element[] = []): Element =>
        xml(
          'presence',
          { from: `${room}/${n}`, to: from },
          xml('x', { xmlns: MUC_USER }, xml('item', { affiliation: 'none', role: 'participant' }), ...extra),
        );
      const batch: string[] = [];
      for (let i = 0; i < occupants; i++) batch.push(occupant(`bot${i}`).toString());
      component.send(batch.join(''));
      send(occupant(nick, [xml('status', { code: '110' })]));
      send(
        xml(
          'message',
          { from: room, to: from, type: 'groupchat', id: randomBytes(4).toString('hex') },
          xml('subject', {}, 'a big room'),
        ),
      );
    } else if (stanza.name === 'iq' && (stanza.attrs.type === 'get' || stanza.attrs.type === 'set')) {
      const info = stanza.getChild('query', 'http://jabber.org/protocol/disco#info');
      send(
        info
          ? xml(
              'iq',
              { type: 'result', id: stanza.attrs.id, from: to, to: from },
              xml(
                'query',
                { xmlns: 'http://jabber.org/protocol/disco#info' },
                xml('identity', { category: 'conference', type: 'text', name: room.split('@')[0] ?? '' }),
                xml('feature', { var: 'http://jabber.org/protocol/muc' }),
              ),
            )
          : xml(
              'iq',
              { type: 'error', id: stanza.attrs.id, from: to, to: from },
              xml(
                'error',
                { type: 'cancel' },
                xml('feature-not-implemented', { xmlns: 'urn:ietf:params:xml:ns:xmpp-stanzas' }),
              ),
            ),
      );
    }
  });
}

async function floorJoin(server: ProsodyServer, room: string): Promise<number> {
  const user = await newUser(server, 'floorjoin');
  const bare = await bareLogin(server, user, 'floor');
  const started = performance.now();
  const joined = new Promise<void>((resolve) =>
    bare.on('stanza', (s) => {
      if (s.name === 'presence' && s.attrs.from === `${room}/Floor`) resolve();
    }),
  );
  await bare.send(xml('presence', { to: `${room}/Floor` }, xml('x', { xmlns: 'http://jabber.org/protocol/muc' })));
  await joined;
  const elapsed = performance.now() - started;
  await bare.stop();
  return elapsed;
}

export async function benchBigRoom(server: ProsodyServer, occupants: number): Promise<void> {
  const component = await connectComponent(server.ports.component ?? 0, BOTS.domain, BOTS.secret);
  playRoom(component, occupants);
  const room = `big-${randomBytes(3).toString('hex')}@${BOTS.domain}` as BareJid;
  const floor = await floorJoin(server, room);

  const meUser = await newUser(server, 'joiner');
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page, core } = app;
  // A new account makes its OMEMO keys at first login: done before the clock starts, as on any later start.
  await eventually(
    async () => (await core.commands['omemo.ownDevice']({ account: meUser.jid })) !== undefined,
    'OMEMO ready',
    60_000,
  );
  await showContacts(page);
  await page.getByRole('button', { name: 'Join a group chat' }).waitFor();
  await page.evaluate(() => {
    const tasks: number[] = [];
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) tasks.push(entry.duration);
    }).observe({ type: 'longtask' });
  });
  // The renderer's task time during the join (CPU, less moved by the machine's load than the clock).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const taskSeconds = async (): Promise<number> =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  await readyToMeasure(page);
  const tasksBefore = await taskSeconds();
  const started = Date.now();
  let engineJoined = 0;
  const joining = core.commands['muc.join']({ account: meUser.jid, room, nick: 'Me' }).then((r) => {
    engineJoined = Date.now() - started;
    return r;
  });
  await page
    .getByRole('region', { name: 'Group chats' })
    .getByRole('button', { name: /Big room|big-/u })
    .click();
  const listedCount = ({ n }: Probe): boolean =>
    Array.from(document.querySelectorAll('.occupants section h3 .muted')).reduce(
      (sum, el) => sum + Number(el.textContent),
      0,
    ) >= n;
  const listed = (await paintedWhen(page, listedCount, { n: occupants + 1, which: 0 }, 120_000)) - started;
  const rendererTasks = ((await taskSeconds()) - tasksBefore) * 1000;
  await joining;
  compare(`room of ${occupants}: join → occupant list complete (floor: own join presence)`, 'ms', listed, floor, {
    occupants,
  });
  report(`room of ${occupants}: the engine's join command, window open`, 'ms', engineJoined, { occupants });
  const longTasks = await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
  report(`room of ${occupants}: longest task during the join`, 'ms', Math.max(0, ...longTasks), { occupants });
  report(`room of ${occupants}: tasks over 100 ms`, 'count', longTasks.filter((d) => d > 100).length, { occupants });
  report(`room of ${occupants}: renderer task time during the join`, 'ms', rendererTasks, { occupants });
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
  report(`room of ${occupants}: renderer JS heap`, 'MiB', heap / 1024 / 1024, { occupants });
  await app.close();
  // The engine with no window to feed: what the join would take if the renderer cost nothing.
  const engine = await startEngine(server, meUser, { resource: 'nowindow' });
  const bareStarted = performance.now();
  const cpuBefore = process.cpuUsage();
  await engine.core.commands['muc.join']({
    account: meUser.jid,
    room: `big-${randomBytes(3).toString('hex')}@${BOTS.domain}` as BareJid,
    nick: 'Me',
  });
  report(`room of ${occupants}: engine without a window, join → joined`, 'ms', performance.now() - bareStarted, {
    occupants,
  });
  const cpu = process.cpuUsage(cpuBefore);
  // The bench's room component runs in this process too: its share is in the figure.
  report(`room of ${occupants}: CPU of the engine's process for that join`, 'ms', (cpu.user + cpu.system) / 1000, {
    occupants,
  });
  await engine.close();
  component.close();
  await benchBusyRoom(server);
}

/** A busy room: 1,000 messages a minute for 20 s on Prosody's MUC, while the room is open in the renderer. */
async function benchBusyRoom(server: ProsodyServer): Promise<void> {
  const [ownerUser, meUser] = [await newUser(server, 'busyowner'), await newUser(server, 'busyreader')];
  const owner = await startEngine(server, ownerUser);
  const room = `busy-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
  await owner.core.commands['muc.join']({ account: owner.account, room, nick: 'Owner' });
  const app = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const { page, core } = app;
  await showContacts(page);
  await core.commands['muc.join']({ account: meUser.jid, room, nick: 'Me' });
  await page
    .getByRole('region', { name: 'Group chats' })
    .getByRole('button', { name: new RegExp(room.split('@')[0] ?? '') })
    .click();
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const cpuBefore = process.cpuUsage();
  const taskTime = async (): Promise<number> =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;
  const rendererBefore = await taskTime();
  const windowMs = 20_000;
  const perMinute = 1000;
  const busyStart = performance.now();
  for (let i = 0; i < (perMinute * windowMs) / 60_000; i++) {
    await owner.core.commands['muc.send']({ account: owner.account, room, body: `busy message ${i}` });
    await new Promise((r) => setTimeout(r, 60_000 / perMinute));
  }
  const elapsed = performance.now() - busyStart;
  const cpu = process.cpuUsage(cpuBefore);
  const rendererAfter = await taskTime();
  report('busy room (1,000 msg/min): engine process CPU', '%', ((cpu.user + cpu.system) / 1000 / elapsed) * 100, {
    perMinute,
  });
  report(
    'busy room (1,000 msg/min): renderer main thread busy',
    '%',
    (((rendererAfter - rendererBefore) * 1000) / elapsed) * 100,
    { perMinute },
  );
  await app.close();
  await owner.close();
}
