import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { BridgeFrame, RaisedEvent } from '../../shared/ipc/bridge.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { BRIDGE_PROTOCOL, rawDataText, startBridge, type BridgeServer } from '../../electron/bridge/wsServer.ts';
import { bindIpc, type IpcMainLike } from '../../electron/ipc/bindIpc.ts';

const ORIGIN = 'http://127.0.0.1:4567';
let core: Core;
let bridge: BridgeServer;
before(async () => {
  core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  bridge = await startBridge(core, { allowedOrigins: [ORIGIN] });
});
after(async () => {
  await bridge.close();
  await core.close();
});

function open(
  url: string,
  protocols: string[] = [BRIDGE_PROTOCOL, bridge.token],
  origin: string | null = ORIGIN,
): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, protocols, origin ? { origin } : {});
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
    socket.once('unexpected-response', (_req, res) => reject(new Error(`refused with HTTP ${res.statusCode}`)));
  });
}

function invoke(socket: WebSocket, seq: number, name: string, arg: unknown): Promise<Result<unknown>> {
  return new Promise((resolve) => {
    const onMessage = (data: WebSocket.RawData): void => {
      const frame = JSON.parse(rawDataText(data)) as BridgeFrame;
      if (frame.type === 'result' && frame.seq === seq) {
        socket.off('message', onMessage);
        resolve(frame.result);
      }
    };
    socket.on('message', onMessage);
    socket.send(JSON.stringify({ type: 'invoke', seq, name, arg }));
  });
}

test('the bridge refuses other origins, a missing origin, a wrong token and a token in the URL', async () => {
  const url = `ws://127.0.0.1:${bridge.port}/`;
  await assert.rejects(open(url, [BRIDGE_PROTOCOL]), /HTTP 401/);
  await assert.rejects(open(url, [BRIDGE_PROTOCOL, `${bridge.token.slice(1)}x`]), /HTTP 401/);
  await assert.rejects(open(`${url}?token=${bridge.token}`, [BRIDGE_PROTOCOL]), /HTTP 401/, 'the query is not read');
  await assert.rejects(open(url, undefined, 'http://evil.example'), /HTTP 401/, "another page's origin");
  await assert.rejects(open(url, undefined, 'null'), /HTTP 401/);
  await assert.rejects(open(url, undefined, null), /HTTP 401/, 'no origin (not a browser page)');
  const socket = await open(url);
  assert.equal(socket.protocol, BRIDGE_PROTOCOL, 'the token is not echoed back');
  socket.close();
});

test('over WebSocket: malformed arguments and unknown commands get clear errors; valid ones work; events flow', async () => {
  const socket = await open(`ws://127.0.0.1:${bridge.port}/`);
  const bad = await invoke(socket, 1, 'chat.send', { account: 'a@b', to: 'not a jid', body: 'x' });
  assert.deepEqual(bad, {
    ok: false,
    error: { code: 'invalid-argument', message: 'chat.send: argument.to must be a valid bare JID' },
  });
  assert.equal((await invoke(socket, 2, 'account.add', { jid: 'a@b', password: 'x', priority: 500 })).ok, false);
  assert.equal((await invoke(socket, 3, 'account.add', 'a string')).ok, false);
  assert.equal((await invoke(socket, 4, 'account.add', { jid: 'a@b', password: 'x', extra: true })).ok, false);
  const unknown = await invoke(socket, 5, 'system.exec', { cmd: 'rm -rf /' });
  assert.equal(unknown.ok === false && unknown.error.code, 'unknown-command');
  // The events raised in one turn come together, in order.
  const eventsIn = (frame: BridgeFrame): RaisedEvent[] => (frame.type === 'events' ? frame.events : []);
  let resultSeen = false;
  let eventBeforeResult = false;
  const event = new Promise<RaisedEvent>((resolve) =>
    socket.on('message', (d) => {
      const frame = JSON.parse(rawDataText(d)) as BridgeFrame;
      const found = eventsIn(frame).find((e) => e.name === 'account.listChanged');
      if (found) {
        eventBeforeResult = !resultSeen;
        resolve(found);
      }
      if (frame.type === 'result' && frame.seq === 6) resultSeen = true;
    }),
  );
  const added = await invoke(socket, 6, 'account.add', {
    jid: 'Someone@Example.org/Desk',
    password: 'secret',
    priority: -5,
  });
  assert.equal(added.ok && (added.value as { id: string }).id, 'someone@example.org');
  const changed = await event;
  assert.equal(eventBeforeResult, true, 'the event raised by the command came before its result');
  assert.equal(JSON.stringify(changed.payload).includes('secret'), false, 'no password in events');
  socket.send('{not json');
  await new Promise((resolve) => socket.once('close', resolve));
});

test('over Electron IPC: the same validation and Result shape, and events go to the window', async () => {
  let handler: Parameters<IpcMainLike['handle']>[1] | undefined;
  const sent: Array<[string, string]> = [];
  const ipcMain: IpcMainLike = {
    handle: (channel, fn) => {
      assert.equal(channel, INVOKE_CHANNEL);
      handler = fn;
    },
    removeHandler: () => {
      handler = undefined;
    },
  };
  const page = 'file:///opt/JabberDesk/resources/app.asar/dist/renderer/index.html';
  const window = {
    send: (channel: string, events: { name: string }[]) => {
      for (const { name } of events) sent.push([channel, name]);
    },
    isDestroyed: () => false,
  };
  const unbind = bindIpc(ipcMain, core, () => window, page);
  assert.ok(handler);
  const app = { sender: window, senderFrame: { url: page, parent: null } };
  const bad = await handler(app, 'presence.set', { account: 'a@b', show: 'sleeping' });
  assert.equal(bad.ok === false && bad.error.code, 'invalid-argument');
  const good = await handler(app, 'account.add', { jid: 'other@example.org', password: 'pw' });
  assert.equal(good.ok, true);
  assert.ok(
    sent.some(([channel, name]) => channel === EVENT_CHANNEL && name === 'account.listChanged'),
    'the event reached the window before the result came back',
  );
  // Anything but the app's own top frame in its own window is not answered.
  const strangers = [
    { sender: window, senderFrame: { url: page, parent: { url: page } } },
    { sender: window, senderFrame: { url: 'https://evil.example/', parent: null } },
    { sender: window, senderFrame: { url: `${page}.evil.html`, parent: null } },
    { sender: { other: 'window' }, senderFrame: { url: page, parent: null } },
    { sender: window, senderFrame: null },
  ];
  for (const event of strangers) {
    const refused = await handler(event, 'account.list', {});
    assert.equal(refused.ok === false && refused.error.code, 'forbidden', JSON.stringify(event.senderFrame));
  }
  unbind();
  assert.equal(handler, undefined);
});
