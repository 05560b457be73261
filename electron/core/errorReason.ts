// Turns whatever a command threw into a code the renderer can word (ErrorReason); the English message
// stays beside it as the technical details. The engine's own errors carry their reason; what comes from
// Node (sockets, TLS) or from libraries is recognised here.
import { type ErrorReason, isErrorCode } from '../../shared/model/errors.ts';

const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const TLS = /^(DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|CERT_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/u;

interface Described {
  name?: unknown;
  code?: unknown;
  reason?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

const isReason = (value: unknown): value is ErrorReason =>
  typeof value === 'object' && value !== null && isErrorCode((value as { code?: unknown }).code);

function networkReason(code: string, error: Described): ErrorReason | undefined {
  const host = text(error.hostname) ?? [text(error.address), text(error.port)].filter(Boolean).join(':');
  const params = host ? { host } : undefined;
  const reason = (c: ErrorReason['code']): ErrorReason => (params ? { code: c, params } : { code: c });
  if (code === 'ECONNREFUSED') return reason('network-refused');
  if (UNREACHABLE.has(code)) return reason('network-unreachable');
  if (RESET.has(code)) return { code: 'network-reset' };
  if (code === 'ETIMEDOUT') return { code: 'timeout' };
  if (TLS.test(code)) return { code: 'tls-failed' };
  return undefined;
}

export function errorReason(error: unknown): ErrorReason {
  if (typeof error !== 'object' || error === null) return { code: 'unknown' };
  const e = error as Described;
  if (isReason(e.reason)) return e.reason;
  // xmpp.js's own timeout (an iq or a connect that took too long).
  if (text(e.name) === 'TimeoutError') return { code: 'timeout' };
  const code = text(e.code);
  return (code && networkReason(code, e)) || { code: 'unknown' };
}
