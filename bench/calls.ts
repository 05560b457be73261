// Call set-up on loopback, propose → media connected: two app instances (engine + Chromium with fake
// devices, the callee answering as soon as it rings) beside the reference, two instances of the
// independent slixmpp + aiortc peer calling each other through the same server.
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import { makeContacts, newUser } from '../e2e/helpers/accounts.ts';
import { startCallPeer } from '../e2e/helpers/callPeer.ts';
import { eventually } from '../e2e/helpers/waitFor.ts';
import { startApp, withAccount } from '../e2e/app/harness.ts';
import { chromiumPairSetups } from './chromiumPair.ts';
import { chromiumXmppPairSetups } from './chromiumXmppPair.ts';
import { compare, median } from './stats.ts';

/** Runs in the page: every call panel on screen shows its call ended (its connection is closed by then). */
const callPanelsEnded = (): boolean =>
  Array.from(document.querySelectorAll('[data-testid="call-panel"]')).every(
    (e) => e.getAttribute('data-phase') === 'ended',
  );

async function appSetups(server: ProsodyServer, video: boolean, runs: number): Promise<number[]> {
  const [aUser, bUser] = [await newUser(server, 'bench-a'), await newUser(server, 'bench-b')];
  await makeContacts(server, aUser, bUser, { name: 'B' }, { name: 'A' });
  const a = await startApp({ prepare: (core) => withAccount(core, server, aUser), media: true });
  const b = await startApp({ prepare: (core) => withAccount(core, server, bUser), media: true });
  try {
    b.core.events.on('call.changed', ({ call }) => {
      if (call.phase === 'incoming') void b.core.commands['call.accept']({ account: call.account, sid: call.sid });
    });
    await eventually(
      async () => (await a.core.commands['call.capabilities']({ account: aUser.jid, peer: bUser.jid })).audio,
      'the callee takes calls',
      30_000,
    );
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const connected = new Promise<void>((resolve) =>
        a.core.events.on('call.changed', ({ call }) => call.phase === 'active' && resolve()),
      );
      const call = await a.core.commands['call.start']({ account: aUser.jid, peer: bUser.jid, video });
      await connected;
      times.push(performance.now() - t);
      const ended = new Promise<void>((resolve) =>
        b.core.events.on('call.changed', ({ call: c }) => c.sid === call.sid && c.phase === 'ended' && resolve()),
      );
      await a.core.commands['call.hangup']({ account: aUser.jid, sid: call.sid });
      await ended;
      // The next call starts once both windows closed this one's connection (shown as ended), as a person's
      // next call would: set-up is measured from a settled app, not during the last call's teardown.
      await eventually(
        async () => (await Promise.all([a, b].map((app) => app.page.evaluate(callPanelsEnded)))).every(Boolean),
        'both windows ended the call',
        30_000,
      );
    }
    return times;
  } finally {
    await Promise.all([a.close(), b.close()]);
  }
}

async function referenceSetups(server: ProsodyServer, video: boolean, runs: number): Promise<number[]> {
  const [aUser, bUser] = [await newUser(server, 'ref-a'), await newUser(server, 'ref-b')];
  await makeContacts(server, aUser, bUser, { name: 'B' }, { name: 'A' });
  const [a, b] = [await startCallPeer(server, aUser), await startCallPeer(server, bUser)];
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const before = a.events.filter((e) => e.event === 'connected').length;
      const t = performance.now();
      await a.call(bUser.jid, video);
      const connected = await eventually(
        () => a.events.filter((e) => e.event === 'connected')[before],
        'connected',
        30_000,
      );
      times.push(connected.at - t);
      const ended = [a, b].map((peer) => peer.events.filter((e) => e.event === 'ended').length);
      a.hangup();
      // As for the app: the next call starts once both sides ended this one.
      await eventually(
        () => [a, b].every((peer, i) => peer.events.filter((e) => e.event === 'ended').length > (ended[i] ?? 0)),
        'hung up',
        30_000,
      );
    }
    return times;
  } finally {
    await Promise.all([a.stop(), b.stop()]);
  }
}

export async function benchCalls(server: ProsodyServer, runs: number): Promise<void> {
  for (const video of [false, true]) {
    const appTimes = await appSetups(server, video, runs);
    const referenceTimes = await referenceSetups(server, video, runs);
    const [app, reference] = [median(appTimes), median(referenceTimes)];
    const what = video ? 'audio+video' : 'audio';
    compare(`call set-up ${what} (median of ${runs})`, 'ms', app, reference, { runs, video });
    // Chromium's own part, beside: what two bare pages need without any signalling server or UI.
    const chromium = median(await chromiumPairSetups(video, runs));
    compare(`  the same, floor: two bare Chromium pages`, 'ms', app, chromium, { runs, video, floor: 'chromium' });
    // And with the signalling: the smallest Chromium client calling through the same server. Its own ratio to
    // the reference is the least any client on Chromium's WebRTC (as Electron's) can reach on this machine.
    const bareTimes = await chromiumXmppPairSetups(server, video, runs);
    const bare = median(bareTimes);
    compare(`  the same, floor: bare XMPP clients + Chromium pages`, 'ms', app, bare, {
      runs,
      video,
      floor: 'chromium-xmpp',
    });
    compare(`  that floor beside the reference`, 'ms', bare, reference, {
      runs,
      video,
      floor: 'reference-vs-chromium-xmpp',
    });
    // The first call after the windows (or peers) started, which a median of seven hides: what a person's first
    // call of the day costs, Chromium's media stack and devices starting cold.
    const first = (times: number[]): number => times[0] ?? Number.NaN;
    compare(`  the first call after start, beside the reference's`, 'ms', first(appTimes), first(referenceTimes), {
      video,
      call: 'first',
    });
    compare(`  the first call, beside the bare XMPP clients' first`, 'ms', first(appTimes), first(bareTimes), {
      video,
      call: 'first',
      floor: 'chromium-xmpp',
    });
  }
}
