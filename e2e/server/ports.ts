// Loopback ports, a certificate and stopping, for the private servers the tests start.
import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  const [port] = await freePorts(1);
  return port ?? 0;
}

/**
 * `count` different free ports. All are held open until each is found: found one after another, a port just
 * released can be handed out again (ejabberd once refused to start with two listeners on one port).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = Array.from({ length: count }, () => createServer());
  try {
    return await Promise.all(
      servers.map(
        (server) =>
          new Promise<number>((resolve, reject) => {
            server.once('error', reject);
            server.listen(0, '127.0.0.1', () => {
              const address = server.address();
              resolve(typeof address === 'object' && address ? address.port : 0);
            });
          }),
      ),
    );
  } finally {
    await Promise.all(
      servers.map(
        (server) => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve())),
      ),
    );
  }
}

export async function waitForPort(port: number, deadline: number, what: string): Promise<void> {
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not open port ${port} in time`);
}

/** A port chosen by freePort() was taken by another process before the server could bind it. */
export class PortTakenError extends Error {}

/** The socket inode listening on a loopback TCP port, from /proc; undefined when none (or no /proc). */
function listeningInode(port: number): string | undefined {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    if (!existsSync(table)) continue;
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/u);
      // local_address is "ADDR:PORT" in hex, st 0A is LISTEN, the inode is the tenth field.
      if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '0A') return fields[9];
    }
  }
  return undefined;
}

/** The process and its descendants (a server started through a launcher script listens from a child). */
function processTree(root: number): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The fourth field, after the command name in parentheses (which may itself hold spaces).
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++)
    for (const [pid, parent] of parents) if (parent === tree[i] && !tree.includes(pid)) tree.push(pid);
  return tree;
}

function ownsSocket(root: number, inode: string): boolean {
  return processTree(root).some((pid) => holdsSocket(pid, inode));
}

function holdsSocket(pid: number, inode: string): boolean {
  try {
    return readdirSync(`/proc/${pid}/fd`).some((fd) => {
      try {
        return readlinkSync(`/proc/${pid}/fd/${fd}`) === `socket:[${inode}]`;
      } catch {
        return false;
      }
    });
  } catch {
    return false;
  }
}

/**
 * Waits until `proc` (or a process it started) listens on the port: freePort() only found it free a moment earlier, and another
 * test's server (or any other process) may have taken it since. Throws PortTakenError when another process
 * holds it for a while; where /proc cannot tell, an open port is taken as the server's.
 */
export async function waitForOwnPort(proc: ChildProcess, port: number, deadline: number, what: string): Promise<void> {
  if (!existsSync('/proc/net/tcp') || proc.pid === undefined) return waitForPort(port, deadline, what);
  let foreignSince: number | undefined;
  while (Date.now() < deadline) {
    if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`${what} exited while starting`);
    const inode = listeningInode(port);
    if (inode !== undefined && ownsSocket(proc.pid, inode)) return;
    if (inode === undefined) foreignSince = undefined;
    else if (Date.now() - (foreignSince ??= Date.now()) > 3_000)
      throw new PortTakenError(`another process listens on ${what}'s port ${port}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} did not open port ${port} in time`);
}

/** A self-signed certificate for localhost and its service subdomains (localhost.crt, localhost.key). */
export function makeCertificate(dir: string): void {
  mkdirSync(dir, { recursive: true });
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '3650',
      '-keyout',
      join(dir, 'localhost.key'),
      '-out',
      join(dir, 'localhost.crt'),
      '-subj',
      '/CN=localhost',
      '-addext',
      'subjectAltName=DNS:localhost,DNS:conference.localhost,DNS:upload.localhost,IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
}

/** Stops a server process: SIGTERM, SIGKILL if it is still there after `graceMs`; resolves once it exited. */
export async function terminate(proc: ChildProcess, graceMs: number): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.kill('SIGTERM');
  const timer = setTimeout(() => proc.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}
