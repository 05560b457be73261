// The IPC contract over WebSocket, for the web/test/demo mode. Loopback only, and every client
// must present the per-launch token, so no other local process or web page can drive an account.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { BridgeFrame } from '../../shared/ipc/bridge.ts';
import { decodeWire, encodeWire } from '../../shared/ipc/wireCodec.ts';
import { type Core, dispatchCommand } from '../core/index.ts';

export interface BridgeServer {
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 8 * 1024 * 1024;

function tokenMatches(request: IncomingMessage, token: string): boolean {
  const given = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('token') ?? '';
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The text of a frame, whatever shape ws hands it over in. */
export function rawDataText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString('utf8');
}

function parseRequest(data: string): { seq: number; name: unknown; arg: unknown } | undefined {
  try {
    const value: unknown = decodeWire(data);
    if (typeof value !== 'object' || value === null) return undefined;
    const { type, seq, name, arg } = value as Record<string, unknown>;
    return type === 'invoke' && typeof seq === 'number' ? { seq, name, arg } : undefined;
  } catch {
    return undefined;
  }
}

export async function startBridge(
  core: Core,
  options: { port?: number; token?: string; allowedOrigins?: readonly string[] } = {},
): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: ({ req, origin }: { req: IncomingMessage; origin: string }) =>
      tokenMatches(req, token) && (!options.allowedOrigins || !origin || options.allowedOrigins.includes(origin)),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });

  const sockets = new Set<WebSocket>();
  const send = (socket: WebSocket, frame: BridgeFrame): void => {
    if (socket.readyState === socket.OPEN) socket.send(encodeWire(frame));
  };
  const offEvents = core.events.onAny((name, payload) => {
    for (const socket of sockets) send(socket, { type: 'event', name, payload });
  });

  wss.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('message', (data) => {
      const request = parseRequest(rawDataText(data));
      if (!request) {
        socket.close(1003, 'malformed frame');
        return;
      }
      void dispatchCommand(core.commands, request.name, request.arg).then((result) =>
        send(socket, { type: 'result', seq: request.seq, result }),
      );
    });
  });

  return {
    port: (wss.address() as AddressInfo).port,
    token,
    close: async () => {
      offEvents();
      for (const socket of sockets) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
