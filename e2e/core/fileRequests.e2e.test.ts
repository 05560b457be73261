// A message cannot make the engine reach into this machine or the local network: plain http is off,
// internal addresses are refused at connect time (whatever a host name resolves to), redirects are
// checked by the same rule, and a pinned certificate vouches only for the account's own server.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, LookupFunction } from 'node:net';
import { join } from 'node:path';
import { dispatchCommand } from '../../electron/core/index.ts';
import { pinFor } from '../../electron/core/net/httpTransfer.ts';
import { isInternalAddress } from '../../electron/core/net/addressPolicy.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser, startEngine } from '../helpers/accounts.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

interface Counting {
  port: number;
  hits: () => number;
  close(): Promise<void>;
}

/** A file server that counts every connection made to it (a request never sent still shows as one). */
async function counting(
  host: string,
  tls: boolean,
  answer: (path: string) => { status: number; headers?: Record<string, string> } = () => ({ status: 200 }),
): Promise<Counting> {
  let connections = 0;
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const { status, headers } = answer(req.url ?? '/');
    res.writeHead(status, { 'content-type': 'image/png', ...headers });
    res.end('not really a png');
  };
  const certs = join(server.base, 'certs');
  const http: HttpServer = tls
    ? createHttpsServer(
        { key: readFileSync(join(certs, 'localhost.key')), cert: readFileSync(join(certs, 'localhost.crt')) },
        handler,
      )
    : createHttpServer(handler);
  http.on('connection', () => connections++);
  await new Promise<void>((resolve) => http.listen(0, host, resolve));
  return {
    port: (http.address() as AddressInfo).port,
    hits: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        http.closeAllConnections();
        http.close(() => resolve());
      }),
  };
}

/** Test DNS: these names resolve to internal addresses, as a rebinding attacker's would. */
const lookup = ((hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
  const address = hostname === 'files.evil.example' ? '127.0.0.2' : hostname === 'localhost' ? '127.0.0.1' : '';
  if (!address) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }));
  if (options.all) callback(null, [{ address, family: 4 }]);
  else callback(null, address, 4);
}) as unknown as LookupFunction;

test('plain http, internal addresses, internal DNS answers and redirects to them are refused before any connection', async (t) => {
  const filesDir = mkdtempSync(join(tmpdir(), 'jd-cache-'));
  const engine = await startEngine(server, await newUser(server, 'fetcher'), { core: { lookup, filesDir } });
  const plain = await counting('127.0.0.1', false);
  const internal = await counting('127.0.0.2', true);
  const own = await counting('127.0.0.1', true, (path) =>
    path === '/to-internal'
      ? { status: 302, headers: { location: `https://files.evil.example:${internal.port}/x.png` } }
      : path === '/to-plain'
        ? { status: 302, headers: { location: `http://127.0.0.1:${plain.port}/x.png` } }
        : { status: 200 },
  );
  t.after(async () => {
    await Promise.all([plain.close(), internal.close(), own.close()]);
    await engine.close();
    rmSync(filesDir, { recursive: true, force: true });
  });
  const probe = (url: string) =>
    dispatchCommand(engine.core.commands, 'files.probe', { account: engine.account, url }).then((r) =>
      r.ok ? 'fetched' : r.error.message,
    );

  assert.match(await probe(`http://127.0.0.1:${plain.port}/x.png`), /only https/u);
  assert.match(await probe(`https://127.0.0.2:${internal.port}/x.png`), /internal address \(127\.0\.0\.2\)/u);
  assert.match(await probe(`https://files.evil.example:${internal.port}/x.png`), /internal address/u);
  assert.match(await probe(`https://localhost:${own.port}/to-internal`), /internal address/u);
  assert.match(await probe(`https://localhost:${own.port}/to-plain`), /only https/u);
  assert.equal(plain.hits(), 0, 'no connection over plain http');
  assert.equal(internal.hits(), 0, 'no connection to the internal address');
  assert.equal(own.hits(), 2, 'the own server was asked, and only it');
  // The account's own server may live on loopback: its files still load.
  assert.equal(await probe(`https://localhost:${own.port}/x.png`), 'fetched');
  // What is cached is this user's only: folders 0700, files 0600.
  const file = await engine.core.commands['files.download']({
    account: engine.account,
    url: `https://localhost:${own.port}/x.png`,
    maxBytes: 1024,
  });
  const dir = join(filesDir, file.id);
  assert.equal(statSync(dir).mode & 0o777, 0o700);
  assert.equal(statSync(join(dir, file.name)).mode & 0o777, 0o600);
  assert.equal(file.openAs, undefined, 'text in a .png is not opened by the system');
});

test("the address rule and the pinned certificate's scope", () => {
  for (const address of [
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
  ])
    assert.ok(isInternalAddress(address), address);
  for (const address of ['::1', '::', 'fe80::1', 'fd00::1', 'fc12::1', '::ffff:192.168.0.1', 'ff02::1'])
    assert.ok(isInternalAddress(address), address);
  for (const address of ['93.184.216.34', '2606:2800:220:1::248', '172.32.0.1', '::ffff:8.8.8.8'])
    assert.ok(!isInternalAddress(address), address);
  const trust = { pinnedFingerprint: 'AB:CD', trustedHosts: new Set(['example.org', 'upload.example.org']) };
  assert.equal(pinFor('upload.example.org', trust), 'AB:CD');
  assert.equal(pinFor('Example.org.', trust), 'AB:CD');
  assert.equal(pinFor('files.attacker.example', trust), undefined, 'a pinned certificate is no pass for any host');
});
