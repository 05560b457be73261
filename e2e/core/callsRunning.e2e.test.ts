// A running call through Prosody: what the other side's session-info says (mute, hold) is shown, and a new
// call from the peer's other device continues the call there (XEP-0353 §5.2 migration).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { xml } from '@xmpp/client';
import type { Call } from '../../shared/model/call.ts';
import type { Core } from '../../electron/core/index.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, rawClient, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';

const NS_JMI = 'urn:xmpp:jingle-message:0';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

const phase = (core: Core, match: (call: Call) => boolean) =>
  waitForEvent(core, 'call.changed', ({ call }) => match(call), 20_000).then(({ call }) => call);

/** `caller` (resource laptop) calls `callee`, who answers; the offer and answer cross. Returns the sid. */
async function running(caller: TestEngine, callee: TestEngine): Promise<string> {
  await eventually(
    async () =>
      (await caller.core.commands['call.capabilities']({ account: caller.account, peer: callee.account })).audio,
    'the callee takes calls',
    20_000,
  );
  const rings = phase(callee.core, (c) => c.phase === 'incoming');
  const { sid } = await caller.core.commands['call.start']({
    account: caller.account,
    peer: callee.account,
    video: false,
  });
  await rings;
  const offerNeeded = waitForEvent(caller.core, 'call.offerNeeded', (e) => e.sid === sid, 20_000);
  await callee.core.commands['call.accept']({ account: callee.account, sid });
  await offerNeeded;
  // The offer and the answer as Chromium wrote them, each reaching the other side.
  const exchanges = [
    [caller, callee, 'offer'],
    [callee, caller, 'answer'],
  ] as const;
  for (const [from, to, type] of exchanges) {
    const arrived = waitForEvent(to.core, 'call.remoteDescription', (e) => e.sid === sid, 20_000);
    const sdp = readFileSync(
      new URL(`../../electron/core/modules/calls/fixtures/chromium-av-${type}.sdp`, import.meta.url),
      'utf8',
    );
    await from.core.commands['call.description']({ account: from.account, sid, type, sdp });
    await arrived;
  }
  const active = phase(caller.core, (c) => c.sid === sid && c.phase === 'active');
  await caller.core.commands['call.connection']({ account: caller.account, sid, state: 'connected' });
  await active;
  return sid;
}

test('mute and hold from the other side are shown while the call runs, and taken back', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'caller'), await newUser(server, 'callee')];
  const a = await startEngine(server, aUser, { resource: 'laptop' });
  const b = await startEngine(server, bUser);
  t.after(() => Promise.all([a.close(), b.close()]));
  await befriend(a, b, { name: 'B' }, { name: 'A' });
  const sid = await running(a, b);

  let shown = phase(a.core, (c) => c.sid === sid && c.remoteMuted === true);
  await b.core.commands['call.info']({ account: b.account, sid, info: 'mute' });
  await shown;

  // Hold as a phone sends it (XEP-0167 §7.2), then back to active.
  const info = (name: string, id: string) =>
    `<iq xmlns='jabber:client' type='set' id='${id}' to='${aUser.jid}/laptop'>` +
    `<jingle xmlns='urn:xmpp:jingle:1' action='session-info' sid='${sid}'>` +
    `<${name} xmlns='urn:xmpp:jingle:apps:rtp:info:1'/></jingle></iq>`;
  shown = phase(a.core, (c) => c.sid === sid && c.remoteHeld === true);
  await b.core.commands['console.send']({ account: b.account, xml: info('hold', 'h1') });
  const held = await shown;
  assert.equal(held.phase, 'active', 'on hold, the call goes on');
  assert.equal(held.remoteMuted, true);

  shown = phase(a.core, (c) => c.sid === sid && c.remoteHeld === false);
  await b.core.commands['console.send']({ account: b.account, xml: info('active', 'h2') });
  await shown;
  shown = phase(a.core, (c) => c.sid === sid && c.remoteMuted === false);
  await b.core.commands['call.info']({ account: b.account, sid, info: 'unmute' });
  await shown;
  // And our own hold, as the app's Hold button sends it.
  shown = phase(a.core, (c) => c.sid === sid && c.remoteHeld === true);
  await b.core.commands['call.info']({ account: b.account, sid, info: 'hold' });
  await shown;
  shown = phase(a.core, (c) => c.sid === sid && c.remoteHeld === false);
  await b.core.commands['call.info']({ account: b.account, sid, info: 'unhold' });
  await shown;
  await a.core.commands['call.hangup']({ account: a.account, sid });
});

test('a new call from the peer’s other device continues the running call there (XEP-0353 §5.2)', async (t) => {
  const [aUser, bUser] = [await newUser(server, 'caller'), await newUser(server, 'callee')];
  const a = await startEngine(server, aUser, { resource: 'laptop' });
  const desk = await startEngine(server, bUser, { resource: 'desk' });
  const phone = await rawClient(server, bUser, 'phone');
  t.after(() => Promise.all([a.close(), desk.close(), phone.stop()]));
  await befriend(a, desk, { name: 'B' }, { name: 'A' });
  const oldSid = await running(a, desk);

  const toPhone: ReturnType<typeof xml>[] = [];
  phone.on('stanza', (stanza: ReturnType<typeof xml>) => {
    if (stanza.name === 'message' && stanza.attrs.from === `${aUser.jid}/laptop`) toPhone.push(stanza);
  });
  await phone.send(xml('presence'));
  const oldEndsAtA = phase(a.core, (c) => c.sid === oldSid && c.phase === 'ended');
  const oldEndsAtDesk = phase(desk.core, (c) => c.sid === oldSid && c.phase === 'ended');
  await phone.send(
    xml(
      'message',
      { to: aUser.jid, type: 'chat', id: 'jm-propose-moved1' },
      xml(
        'propose',
        { xmlns: NS_JMI, id: 'moved1' },
        xml('description', { xmlns: 'urn:xmpp:jingle:apps:rtp:1', media: 'audio' }),
      ),
    ),
  );

  await oldEndsAtA;
  assert.equal((await oldEndsAtDesk).reason, 'moved', 'the desk’s call ends: it went on on the phone');
  await eventually(
    () => toPhone.some((m) => m.getChild('proceed', NS_JMI)?.attrs.id === 'moved1'),
    'the new call is taken at once (proceed to the phone)',
    20_000,
  );
  const running2 = await a.core.commands['call.list']({});
  assert.deepEqual(
    running2.map((c) => `${c.sid} ${c.peerResource ?? ''} ${c.phase}`),
    ['moved1 phone connecting'],
    'the call goes on with the phone',
  );
  // The finish goes to the peer's bare address (every device of theirs) and names the new session.
  await eventually(
    () =>
      toPhone.some((m) => {
        const finish = m.getChild('finish', NS_JMI);
        return finish?.attrs.id === oldSid && finish.getChild('migrated', NS_JMI)?.attrs.to === 'moved1';
      }),
    'the finish with <migrated to="moved1"/>',
    20_000,
  );
  await eventually(async () => (await desk.core.commands['call.list']({})).length === 0, 'nothing left at the desk');
});
