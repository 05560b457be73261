// The IPC contract over WebSocket, for the web/test/demo mode. Loopback only; every client must come
// from the renderer's own origin (so no other web page can drive an account) and present the
// per-launch token in the WebSocket subprotocol header (never in a URL, where logs and histories keep it).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import type { BridgeFrame } from '../../shared/ipc/bridge.ts';
import { decodeWire, encodeWire } from '../../shared/ipc/wireCodec.ts';
import { type Core, dispatchCommand } from '../core/index.ts';
import { eventBatch, type EventBatch } from '../core/eventBatch.ts';

export interface BridgeServer {
  port: number;
  token: string;
  close(): Promise<void>;
}

const MAX_FRAME_BYTES = 8 * 1024 * 1024;

/** The subprotocol the renderer asks for; the token travels as a second one beside it. */
export const BRIDGE_PROTOCOL = 'jabberdesk.v1';

function tokenMatches(request: IncomingMessage, token: string): boolean {
  const offered = String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((p) => p.trim());
  if (!offered.includes(BRIDGE_PROTOCOL)) return false;
  const b = Buffer.from(token);
  return offered.some((given) => {
    const a = Buffer.from(given);
    return a.length === b.length && timingSafeEqual(a, b);
  });
}

/** The page URL for the renderer: the token in the fragment, which is never sent to any server. */
export function rendererUrl(webUrl: string, bridge: Pick<BridgeServer, 'port' | 'token'>): string {
  return `${webUrl}?bridgePort=${bridge.port}#token=${bridge.token}`;
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
  options: { port?: number; token?: string; allowedOrigins: readonly string[] },
): Promise<BridgeServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const wss = new WebSocketServer({
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxPayload: MAX_FRAME_BYTES,
    verifyClient: ({ req, origin }: { req: IncomingMessage; origin: string | undefined }) =>
      origin !== undefined && options.allowedOrigins.includes(origin) && tokenMatches(req, token),
    handleProtocols: (protocols: Set<string>) => (protocols.has(BRIDGE_PROTOCOL) ? BRIDGE_PROTOCOL : false),
  });
  await new Promise<void>((resolve, reject) => {
    wss.once('listening', resolve);
    wss.once('error', reject);
  });

  const send = (socket: WebSocket, frame: BridgeFrame): void => {
    if (socket.readyState === socket.OPEN) socket.send(encodeWire(frame));
  };
  // Events go out once per turn of the loop, batched per socket; a result flushes what was raised before it.
  const batches = new Map<WebSocket, EventBatch>();
  const offEvents = core.events.onAny((name, payload) => {
    for (const batch of batches.values()) batch.push({ name, payload });
  });

  wss.on('connection', (socket) => {
    const batch = eventBatch((events) => send(socket, { type: 'events', events }));
    batches.set(socket, batch);
    socket.on('close', () => batches.delete(socket));
    socket.on('message', (data) => {
      const request = parseRequest(rawDataText(data));
      if (!request) {
        socket.close(1003, 'malformed frame');
        return;
      }
      void dispatchCommand(core.commands, request.name, request.arg).then((result) => {
        batch.flush();
        send(socket, { type: 'result', seq: request.seq, result });
      });
    });
  });

  return {
    port: (wss.address() as AddressInfo).port,
    token,
    close: async () => {
      offEvents();
      for (const socket of batches.keys()) socket.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
