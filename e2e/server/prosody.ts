// Starts a private Prosody on loopback with its own config, data dir and self-signed certificate.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prosodyConfig, type ProsodyOptions, type ProsodyPorts } from './config.ts';
import { freePorts, makeCertificate, PortTakenError, terminate, waitForOwnPort } from './ports.ts';
import type { XmppTestServer } from './xmppServer.ts';

export { makeCertificate } from './ports.ts';

export const PROSODY_BIN = '/usr/bin/prosody';

export interface ProsodyServer extends XmppTestServer {
  kind: 'prosody';
  ports: ProsodyPorts;
  restart(): Promise<void>;
  /** Stops the process but keeps its data, until start() (for outage tests). */
  halt(): Promise<void>;
  start(): Promise<void>;
}

export async function startProsody(options: ProsodyOptions = {}): Promise<ProsodyServer> {
  if (!existsSync(PROSODY_BIN)) {
    throw new Error("Prosody is not installed: run `apt-get install prosody` (the project's .ci/run does this).");
  }
  const base = mkdtempSync(join(tmpdir(), 'jabberdesk-prosody-'));
  mkdirSync(join(base, 'data'), { recursive: true });
  makeCertificate(join(base, 'certs'));
  const certPath = join(base, 'certs', 'localhost.crt');
  const choosePorts = async (): Promise<ProsodyPorts> => {
    const [c2s = 0, directTls = 0, http = 0, https = 0, component = 0] = await freePorts(5);
    return { c2s, directTls, http, https, ...(options.externalComponents?.length ? { component } : {}) };
  };
  let ports = await choosePorts();
  const configPath = join(base, 'prosody.cfg.lua');
  const writeConfig = (): void =>
    writeFileSync(configPath, prosodyConfig(base, ports, process.getuid?.() === 0, options));
  writeConfig();
  const fingerprint = new X509Certificate(readFileSync(certPath)).fingerprint256;

  let child: ChildProcess | undefined;
  const start = async (): Promise<void> => {
    if (child) return;
    const proc = spawn(PROSODY_BIN, ['--config', configPath, '-F'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    proc.stderr?.on('data', (d: Buffer) => {
      stderr += d.toString();
    });
    child = proc;
    proc.once('exit', () => {
      if (child === proc) child = undefined;
    });
    try {
      const deadline = Date.now() + 15_000;
      await waitForOwnPort(proc, ports.c2s, deadline, 'Prosody');
      if (ports.component !== undefined) await waitForOwnPort(proc, ports.component, deadline, 'Prosody');
    } catch (error) {
      if (error instanceof PortTakenError) throw error;
      throw new Error(`${(error as Error).message}\n${stderr}`);
    }
  };
  const stopOnly = async (): Promise<void> => {
    if (!child) return;
    await terminate(child, 5_000);
    child = undefined;
  };
  // Ports are found free and then bound by Prosody a moment later: if another process took one meanwhile,
  // Prosody starts again on new ones.
  for (let attempt = 1; ; attempt++) {
    try {
      await start();
      break;
    } catch (error) {
      await stopOnly();
      if (!(error instanceof PortTakenError) || attempt === 3) throw error;
      ports = await choosePorts();
      writeConfig();
    }
  }
  return {
    kind: 'prosody',
    domain: 'localhost',
    host: '127.0.0.1',
    ports,
    fingerprint,
    certPath,
    base,
    start,
    halt: stopOnly,
    restart: async () => {
      await stopOnly();
      await start();
    },
    stop: async () => {
      await stopOnly();
      if (!process.env.KEEP_PROSODY) rmSync(base, { recursive: true, force: true });
    },
  };
}

/** Runs a command in the running server's admin shell (a line starting with '>' is Lua): for faults no client can cause. */
export function prosodyShell(server: ProsodyServer, command: string): string {
  return execFileSync('prosodyctl', ['--config', join(server.base, 'prosody.cfg.lua'), 'shell', command], {
    encoding: 'utf8',
  });
}
