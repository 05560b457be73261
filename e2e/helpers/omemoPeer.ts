// Drives e2e/interop/omemo_peer.py: an independent OMEMO client (Debian's python3-slixmpp and
// python3-omemo with python3-oldmemo and/or python3-twomemo), spoken to in JSON lines.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { XmppTestServer } from '../server/xmppServer.ts';
import type { TestUser } from './accounts.ts';
import { eventually } from './waitFor.ts';

const SCRIPT = fileURLToPath(new URL('../interop/omemo_peer.py', import.meta.url));
export const NS_LEGACY = 'eu.siacs.conversations.axolotl';
export const NS_V2 = 'urn:xmpp:omemo:2';
export const SYSTEM_PYTHON = '/usr/bin/python3';

export interface PeerEvent {
  event: 'ready' | 'received' | 'sent' | 'joined' | 'error';
  /** Received in a room, joined: the room. */
  room?: string;
  device?: number;
  from?: string;
  body?: string | null;
  /** Received: which version it came in; sent: the versions the stanza carried. */
  namespace?: string;
  namespaces?: string[];
  error?: string;
  errors?: string[];
}

export interface OmemoPeer {
  device: number;
  events: PeerEvent[];
  send(to: string, body: string): Promise<void>;
  /** Joins a room (non-anonymous, members-only) under `nick`. */
  join(room: string, nick: string): Promise<void>;
  /** Encrypts for these members' devices and sends to the room. */
  sendRoom(room: string, members: string[], body: string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts the Python client for `user` speaking legacy OMEMO, OMEMO 2 or both; `storage` is its state file,
 * so a restart keeps the same device.
 */
export async function startOmemoPeer(
  server: XmppTestServer,
  user: TestUser,
  storage: string,
  versions: 'legacy' | 'v2' | 'both' = 'legacy',
): Promise<OmemoPeer> {
  const child: ChildProcess = spawn(
    SYSTEM_PYTHON,
    [SCRIPT, server.host, String(server.ports.c2s), user.jid, user.password, storage, versions],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const events: PeerEvent[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  if (child.stdout)
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        events.push(JSON.parse(line) as PeerEvent);
      } catch {
        stderr += `${line}\n`;
      }
    });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const ready = await eventually(
    () =>
      events.find((e) => e.event === 'ready') ??
      (child.exitCode !== null ? Promise.reject(new Error(`the Python peer exited: ${stderr}`)) : undefined),
    `the Python OMEMO peer to start (${stderr.slice(-500)})`,
    30_000,
  );
  const command = async (line: object): Promise<void> => {
    const before = events.filter((e) => e.event === 'sent').length;
    child.stdin?.write(`${JSON.stringify(line)}\n`);
    const errors = events.filter((e) => e.event === 'error').length;
    await eventually(
      () =>
        events.filter((e) => e.event === 'sent').length > before ||
        (events.filter((e) => e.event === 'error').length > errors
          ? Promise.reject(new Error(`the Python peer could not send: ${events.at(-1)?.error ?? ''}`))
          : undefined),
      'the Python peer to send',
      20_000,
    );
  };
  return {
    device: ready?.device ?? 0,
    events,
    send: (to, body) => command({ send: { to, body } }),
    join: async (room, nick) => {
      child.stdin?.write(`${JSON.stringify({ join: { room, nick } })}\n`);
      await eventually(() => events.some((e) => e.event === 'joined' && e.room === room), 'the Python peer to join');
    },
    sendRoom: (room, members, body) => command({ sendRoom: { room, members, body } }),
    stop: async () => {
      child.stdin?.write(`${JSON.stringify({ quit: true })}\n`);
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
