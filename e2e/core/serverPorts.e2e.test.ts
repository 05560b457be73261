// The private servers' ports: freePort() only finds a port free, so a server's start checks that the
// process it started is the one listening there (and another test's server that took the port is noticed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { freePort, freePorts, PortTakenError, terminate, waitForOwnPort } from '../server/ports.ts';

/** A process that listens on the port, or (as Prosody does) keeps running when it cannot. */
const listener = (port: number) =>
  spawn(
    process.execPath,
    [
      '-e',
      `require('node:net').createServer().on('error', () => setInterval(() => {}, 1000)).listen(${port}, '127.0.0.1')`,
    ],
    { stdio: 'ignore' },
  );

test('the ports chosen for one server are all different and free', async () => {
  const ports = await freePorts(50);
  assert.equal(new Set(ports).size, 50);
  for (const port of ports) {
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', resolve);
    });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('a port the started process listens on is its own', async (t) => {
  const port = await freePort();
  const child = listener(port);
  t.after(() => terminate(child, 2_000));
  await waitForOwnPort(child, port, Date.now() + 15_000, 'the listener');
});

test('a port another process holds is reported as taken, not taken for the server', async (t) => {
  const port = await freePort();
  const squatter = createServer();
  await new Promise<void>((resolve) => squatter.listen(port, '127.0.0.1', resolve));
  t.after(() => new Promise<void>((resolve) => squatter.close(() => resolve())));
  const child = listener(port);
  t.after(() => terminate(child, 2_000));
  await assert.rejects(waitForOwnPort(child, port, Date.now() + 15_000, 'the listener'), PortTakenError);
});

test('a port a child of the started process listens on (a server started by a launcher script) is its own', async (t) => {
  const port = await freePort();
  const script = `require('node:net').createServer().listen(${port}, '127.0.0.1')`;
  // The shell cannot exec the last command of a list: the listener is its child.
  const launcher = spawn('/bin/sh', ['-c', `"${process.execPath}" -e "${script}"; true`], {
    stdio: 'ignore',
    detached: true,
  });
  t.after(() => {
    if (launcher.pid !== undefined) process.kill(-launcher.pid, 'SIGKILL');
  });
  await waitForOwnPort(launcher, port, Date.now() + 15_000, 'the launcher');
});
