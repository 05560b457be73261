// HTTP(S) requests for file transfers. Over https the server is checked before a single header
// (an upload's Authorization token) leaves: the system's trust for the host name, or the certificate
// the user pinned for the account (a self-hosted server's own certificate serves its uploads too).
import http, { type ClientRequest, type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type Socket } from 'node:net';
import tls from 'node:tls';
import { isAllowedFileUrl } from '../../../shared/model/file.ts';
import { checkPeer } from './tlsSocket.ts';
import { checkLiteralHost, guardedLookup, isTrustedHost, type RequestPolicy } from './addressPolicy.ts';

export interface HttpTrust extends RequestPolicy {
  /** The certificate the user pinned for the account: accepted only on the account's own server hosts. */
  pinnedFingerprint?: string | undefined;
}

export class FileUrlError extends Error {
  constructor(url: string) {
    super(`Refused ${url.slice(0, 200)}: only https links are opened`);
    this.name = 'FileUrlError';
  }
}

/** A certificate pinned for the account vouches for its own server only, not for any host a message names. */
export function pinFor(host: string, trust: HttpTrust): string | undefined {
  return isTrustedHost(host, trust) ? trust.pinnedFingerprint : undefined;
}

function connectVerified(host: string, port: number, trust: HttpTrust): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tls.connect({
      host,
      port,
      ...(isIP(host) ? {} : { servername: host }),
      rejectUnauthorized: false,
      ALPNProtocols: ['http/1.1'],
      lookup: guardedLookup(trust),
    });
    socket.setNoDelay(true);
    const pinned = pinFor(host, trust);
    socket.once('secureConnect', () => {
      const problem = checkPeer(socket, { domain: host, pinnedFingerprint: pinned });
      if (problem) {
        socket.destroy();
        reject(problem);
        return;
      }
      socket.removeListener('error', reject);
      resolve(socket);
    });
    socket.once('error', reject);
  });
}

export interface RequestOptions {
  method: 'GET' | 'HEAD' | 'PUT';
  headers?: Record<string, string | number>;
  trust: HttpTrust;
  /** Idle time after which the request fails. */
  timeoutMs?: number;
}

/** A request to an allowed URL; throws FileUrlError for any other. */
export function openRequest(url: string, options: RequestOptions): ClientRequest {
  if (!isAllowedFileUrl(url, options.trust.allowPlainHttp === true)) throw new FileUrlError(url);
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const host = target.hostname.replace(/^\[|\]$/gu, '');
  checkLiteralHost(host, options.trust);
  const port = Number(target.port) || (secure ? 443 : 80);
  const base = {
    method: options.method,
    host,
    port,
    path: `${target.pathname}${target.search}`,
    headers: options.headers ?? {},
  };
  const request = secure
    ? https.request({
        ...base,
        // Without an agent, Node waits for this callback before writing anything on the socket.
        createConnection: (_args: unknown, done: (error: Error | null, socket: Socket) => void) => {
          connectVerified(host, port, options.trust).then(
            (socket) => done(null, socket),
            (error: unknown) =>
              done(error instanceof Error ? error : new Error(String(error)), undefined as unknown as Socket),
          );
          return undefined;
        },
      })
    : http.request({ ...base, agent: false, lookup: guardedLookup(options.trust) });
  const timeoutMs = options.timeoutMs ?? 30_000;
  request.setTimeout(timeoutMs, () =>
    request.destroy(new Error(`The file server did not answer for ${Math.round(timeoutMs / 1000)} s`)),
  );
  return request;
}

/** Resolves with the response (or rejects with the request's error). */
export function responseOf(request: ClientRequest): Promise<IncomingMessage> {
  return new Promise((resolve, reject) => {
    request.once('response', resolve);
    request.once('error', reject);
  });
}

/** The first bytes of a response body as text (for error messages); the rest is discarded. */
export async function shortBody(response: IncomingMessage, limit = 2048): Promise<string> {
  let text = '';
  for await (const chunk of response) {
    if (text.length < limit) text += String(chunk);
  }
  return text.slice(0, limit).trim();
}
