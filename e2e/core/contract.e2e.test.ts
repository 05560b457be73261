import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import type { BridgeFrame } from '../../shared/ipc/bridge.ts';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from '../../shared/ipc/channels.ts';
import type { Result } from '../../shared/ipc/result.ts';
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';
import { rawDataText, startBridge, type BridgeServer } from '../../electron/bridge/wsServer.ts';
import { bindIpc, type IpcMainLike } from '../../electron/ipc/bindIpc.ts';

let core: Core;
let bridge: BridgeServer;
before(async () => {
  core = new Core({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  bridge = await startBridge(core);
});
after(async () => {
  await bridge.close();
  await core.close();
});

function open(url: string): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url);
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

test('the bridge listens on loopback only and refuses connections without the right token', async () => {
  await assert.rejects(open(`ws://127.0.0.1:${bridge.port}/`), /HTTP 401/);
  await assert.rejects(open(`ws://127.0.0.1:${bridge.port}/?token=${bridge.token.slice(1)}x`), /HTTP 401/);
  const socket = await open(`ws://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
  socket.close();
});

test('over WebSocket: malformed arguments and unknown commands get clear errors; valid ones work; events flow', async () => {
  const socket = await open(`ws://127.0.0.1:${bridge.port}/?token=${bridge.token}`);
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
  const event = new Promise<BridgeFrame>((resolve) =>
    socket.on('message', (d) => {
      const frame = JSON.parse(rawDataText(d)) as BridgeFrame;
      if (frame.type === 'event' && frame.name === 'account.listChanged') resolve(frame);
    }),
  );
  const added = await invoke(socket, 6, 'account.add', {
    jid: 'Someone@Example.org/Desk',
    password: 'secret',
    priority: -5,
  });
  assert.equal(added.ok && (added.value as { id: string }).id, 'someone@example.org');
  const frame = await event;
  assert.equal(
    frame.type === 'event' && JSON.stringify(frame.payload).includes('secret'),
    false,
    'no password in events',
  );
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
  const unbind = bindIpc(ipcMain, core, () => ({
    send: (channel, name) => {
      sent.push([channel, name]);
    },
    isDestroyed: () => false,
  }));
  assert.ok(handler);
  const bad = await handler({}, 'presence.set', { account: 'a@b', show: 'sleeping' });
  assert.equal(bad.ok === false && bad.error.code, 'invalid-argument');
  const good = await handler({}, 'account.add', { jid: 'other@example.org', password: 'pw' });
  assert.equal(good.ok, true);
  assert.deepEqual(sent.at(-1), [EVENT_CHANNEL, 'account.listChanged']);
  unbind();
  assert.equal(handler, undefined);
});
