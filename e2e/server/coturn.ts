// A private TURN server for the call tests: Debian's coturn on loopback with a shared secret (TURN REST
// credentials), which Prosody hands out through XEP-0215 (mod_turn_external).
import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, terminate, waitForPort } from './ports.ts';

const TURNSERVER = '/usr/bin/turnserver';

export interface TurnServer {
  host: string;
  port: number;
  secret: string;
  stop(): Promise<void>;
}

export async function startCoturn(): Promise<TurnServer> {
  if (!existsSync(TURNSERVER)) throw new Error('coturn is not installed (the project’s .ci/run installs it).');
  const base = mkdtempSync(join(tmpdir(), 'jabberdesk-coturn-'));
  const port = await freePort();
  const secret = randomBytes(16).toString('hex');
  // A relay port range of its own, so tests running side by side do not share one.
  const minPort = 20_000 + randomInt(0, 200) * 200;
  const child = spawn(
    TURNSERVER,
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      `--min-port=${minPort}`,
      `--max-port=${minPort + 199}`,
      '--use-auth-secret',
      `--static-auth-secret=${secret}`,
      '--realm=localhost',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      '--no-multicast-peers',
      `--userdb=${join(base, 'turndb')}`,
      `--pidfile=${join(base, 'turnserver.pid')}`,
      '--log-file=stdout',
      '--simple-log',
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const stop = async (): Promise<void> => {
    await terminate(child, 5_000);
    rmSync(base, { recursive: true, force: true });
  };
  try {
    await waitForPort(port, Date.now() + 30_000, 'coturn');
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return { host: '127.0.0.1', port, secret, stop };
}
