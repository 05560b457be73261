// Roster pushes in an awkward order, as a scripted server sends them: ejabberd can deliver two pushes of
// one item crossed (the older last, both under the version read after the newer change), and a push can
// arrive in the same read as the answer to the roster request, and an answer may carry no roster at all.
// Whichever way, the engine ends with the server's current roster.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { RosterItem } from '../../shared/model/roster.ts';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { FEATURES, type HostileScript, startHostileServer } from '../helpers/hostileXmppServer.ts';
import { eventually } from '../helpers/waitFor.ts';

const ACCOUNT = 'user@localhost' as AccountId;
const CY = 'cy@localhost' as BareJid;
const ROSTER_VER = "<ver xmlns='urn:xmpp:features:rosterver'/>";

const item = (attrs: string): string => `<item jid='${CY}' name='Cy' ${attrs}/>`;
const result = (id: string, ver: string, items: string): string =>
  `<iq type='result' id='${id}'><query xmlns='jabber:iq:roster' ver='${ver}'>${items}</query></iq>`;
let pushes = 0;
const push = (ver: string, items: string): string =>
  `<iq type='set' id='push-${++pushes}'><query xmlns='jabber:iq:roster' ver='${ver}'>${items}</query></iq>`;

/** Answers the n-th roster request (from 0) with what `answers` gives; counts the requests. */
function rosterServer(answers: (n: number, id: string) => string, online?: HostileScript['online'], versioned = true) {
  let requests = 0;
  const script: HostileScript = {
    features: {
      plain: FEATURES.starttls,
      tls: FEATURES.plain,
      authenticated: FEATURES.bind + (versioned ? ROSTER_VER : ''),
    },
    answer: (id, iq) => {
      const opening = iq.slice(0, iq.indexOf('>') + 1);
      const asks = /type=["']get["']/u.test(opening) && !opening.endsWith('/>');
      return asks && iq.slice(0, iq.indexOf('</iq>')).includes('jabber:iq:roster')
        ? answers(requests++, id)
        : undefined;
    },
    ...(online ? { online } : {}),
  };
  return { script, requests: () => requests };
}

async function engineAt(script: HostileScript) {
  const hostile = await startHostileServer(script);
  const core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  await core.commands['account.add']({
    jid: ACCOUNT,
    password: 'secret',
    host: hostile.host,
    port: hostile.port,
    resource: 'r',
  });
  await core.commands['account.trustCertificate']({ account: ACCOUNT, fingerprint: hostile.fingerprint });
  await core.commands['account.connect']({ account: ACCOUNT });
  const cy = async (): Promise<RosterItem | undefined> =>
    (await core.commands['roster.list']({ account: ACCOUNT })).find((i) => i.jid === CY);
  return {
    cy,
    lastFetch: () => core.runtime(ACCOUNT).modules.roster.lastFetch,
    reconnect: async () => {
      await core.commands['account.disconnect']({ account: ACCOUNT });
      await core.commands['account.connect']({ account: ACCOUNT });
    },
    close: async () => {
      await core.close();
      await hostile.stop();
    },
  };
}

test('two pushes that cross (the older last, one version) are mended by asking for the roster again', async (t) => {
  const server = rosterServer(
    (n, id) =>
      n === 0
        ? result(id, 'v1', item("subscription='none' ask='subscribe'"))
        : result(id, 'v3', item("subscription='both'")),
    async (connection) => {
      await connection.write(push('v2', item("subscription='both'")));
      await connection.write(push('v2', item("subscription='from' ask='subscribe'")));
    },
  );
  const engine = await engineAt(server.script);
  t.after(() => engine.close());
  await eventually(
    async () => server.requests() === 2 && (await engine.cy())?.subscription === 'both',
    'the roster asked for again',
  );
  const cy = await engine.cy();
  assert.equal(cy?.subscription, 'both');
  assert.equal(cy?.pendingOut, false);
});

test('the same push twice (ejabberd repeats them) asks for nothing more', async (t) => {
  const server = rosterServer(
    (_n, id) => result(id, 'v1', ''),
    async (connection) => {
      await connection.write(push('v2', item("subscription='none' ask='subscribe'")));
      await connection.write(push('v2', item("subscription='none' ask='subscribe'")));
      await connection.write(push('v3', item("subscription='to'")));
    },
  );
  const engine = await engineAt(server.script);
  t.after(() => engine.close());
  await eventually(async () => (await engine.cy())?.subscription === 'to', 'the last push applied');
  assert.equal(server.requests(), 1);
});

test('a push in the same read as the roster answer is not overwritten by that answer', async (t) => {
  const server = rosterServer(
    (_n, id) => result(id, 'v1', item("subscription='none'")) + push('v2', item("subscription='to'")),
  );
  const engine = await engineAt(server.script);
  t.after(() => engine.close());
  await eventually(async () => (await engine.cy()) !== undefined, 'the roster fetched');
  // The answer and the push were handled in one read: what stays is the push, the newer of the two.
  assert.equal((await engine.cy())?.subscription, 'to');
  assert.equal(server.requests(), 1);
});

test('an empty answer from a server without roster versions keeps the roster we hold', async (t) => {
  const server = rosterServer(
    (n, id) => (n === 0 ? result(id, 'v1', item("subscription='both'")) : `<iq type='result' id='${id}'/>`),
    undefined,
    false,
  );
  const engine = await engineAt(server.script);
  t.after(() => engine.close());
  await eventually(async () => (await engine.cy())?.subscription === 'both', 'the roster fetched');
  await engine.reconnect();
  await eventually(
    () => Promise.resolve(server.requests() === 2 && engine.lastFetch().incremental),
    'the empty answer handled',
  );
  assert.equal((await engine.cy())?.subscription, 'both');
});

test('a first push under the version the fetch gave (Prosody numbers an empty roster so) is applied, not refetched', async (t) => {
  const server = rosterServer(
    (_n, id) => result(id, '1', ''),
    async (connection) => {
      await connection.write(push('1', item("subscription='none' ask='subscribe'")));
    },
  );
  const engine = await engineAt(server.script);
  t.after(() => engine.close());
  await eventually(async () => (await engine.cy())?.pendingOut === true, 'the push applied');
  assert.equal(server.requests(), 1);
});
