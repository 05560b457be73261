// Drives e2e/interop/call_peer.py: an independent Jingle call peer (Debian's python3-slixmpp for the
// signalling, python3-aiortc for the media), spoken to in JSON lines.
import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { XmppTestServer } from '../server/xmppServer.ts';
import type { TestUser } from './accounts.ts';
import { SYSTEM_PYTHON } from './omemoPeer.ts';
import { eventually } from './waitFor.ts';

const SCRIPT = fileURLToPath(new URL('../interop/call_peer.py', import.meta.url));

export interface CallPeerEvent {
  event: 'ready' | 'incoming' | 'calling' | 'connected' | 'frames' | 'ended';
  sid?: string;
  audio?: number;
  video?: number;
  reason?: string;
  /** When the line arrived (`performance.now()` of this process), for timing without polling. */
  at: number;
}

export interface CallPeer {
  events: CallPeerEvent[];
  /** The latest frame counts of the running call (audio frames, video frames received and decoded). */
  frames(): { audio: number; video: number };
  call(to: string, video: boolean): Promise<string>;
  hangup(): void;
  /** What the peer wrote to stderr (its logs and errors), for a failing test's message. */
  log(): string;
  stop(): Promise<void>;
}

export async function startCallPeer(
  server: XmppTestServer,
  user: TestUser,
  options: { relayOnly?: boolean } = {},
): Promise<CallPeer> {
  const child: ChildProcess = spawn(
    SYSTEM_PYTHON,
    [
      SCRIPT,
      server.host,
      String(server.ports.c2s),
      user.jid,
      user.password,
      ...(options.relayOnly ? ['--relay-only'] : []),
    ],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const events: CallPeerEvent[] = [];
  let stderr = '';
  child.stderr?.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-8000);
  });
  if (child.stdout)
    createInterface({ input: child.stdout }).on('line', (line) => {
      try {
        events.push({ ...(JSON.parse(line) as Omit<CallPeerEvent, 'at'>), at: performance.now() });
      } catch {
        stderr += `${line}\n`;
      }
    });
  const exited = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      stderr += `(the peer exited: ${signal ?? `code ${String(code)}`})\n`;
      resolve();
    }),
  );
  await eventually(
    () =>
      events.some((e) => e.event === 'ready') ||
      (child.exitCode !== null ? Promise.reject(new Error(`the call peer exited: ${stderr}`)) : undefined),
    'the Python call peer to start',
    30_000,
  );
  const write = (line: object): void => {
    child.stdin?.write(`${JSON.stringify(line)}\n`);
  };
  return {
    events,
    frames: () => {
      const last = events.findLast((e) => e.event === 'frames' || e.event === 'ended');
      return { audio: last?.audio ?? 0, video: last?.video ?? 0 };
    },
    call: async (to, video) => {
      const before = events.filter((e) => e.event === 'calling').length;
      write({ call: { to, video } });
      const calling = await eventually(
        () => events.filter((e) => e.event === 'calling')[before],
        'the call peer to propose',
      );
      return calling?.sid ?? '';
    },
    hangup: () => write({ hangup: true }),
    log: () => stderr,
    stop: async () => {
      write({ quit: true });
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
