// Turns whatever a command threw into a code the renderer can word (ErrorReason); the English message
// stays beside it as the technical details.
import { type ErrorReason, isErrorCode, STANZA_CONDITIONS } from '../../shared/model/errors.ts';

const STANZA = new Set<string>(STANZA_CONDITIONS);
const UNREACHABLE = new Set(['ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL']);
const RESET = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const TLS = /^(DEPTH_ZERO|SELF_SIGNED|UNABLE_TO|CERT_|ERR_TLS_|ERR_SSL_|HOSTNAME_MISMATCH)/u;

const JOIN: Record<string, ErrorReason['code']> = {
  conflict: 'nick-taken',
  'not-authorized': 'room-password',
  forbidden: 'room-banned',
  'service-unavailable': 'room-full',
  'item-not-found': 'room-not-found',
  'not-allowed': 'room-creation-forbidden',
};
const REGISTER: Record<string, ErrorReason['code']> = {
  conflict: 'username-taken',
  'not-allowed': 'registration-closed',
  'not-acceptable': 'registration-refused',
};

interface Described {
  name?: unknown;
  code?: unknown;
  condition?: unknown;
  params?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  suggestion?: unknown;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

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
  const name = text(e.name);
  if (name === 'UserError' && isErrorCode(e.code)) {
    const params = e.params as Record<string, string> | undefined;
    return params ? { code: e.code, params } : { code: e.code };
  }
  const condition = text(e.condition) ?? '';
  if (name === 'MucJoinError' && JOIN[condition]) {
    const suggestion = text(e.suggestion);
    return suggestion ? { code: JOIN[condition], params: { suggestion } } : { code: JOIN[condition] };
  }
  if (name === 'RegistrationError' && REGISTER[condition]) return { code: REGISTER[condition] };
  if (name === 'StanzaError' || name === 'MucError' || name === 'MucJoinError' || name === 'RegistrationError') {
    if (STANZA.has(condition) || isErrorCode(condition)) return { code: condition as ErrorReason['code'] };
    return { code: name === 'StanzaError' ? 'undefined-condition' : 'unknown' };
  }
  if (name === 'NotConnectedError') return { code: 'not-connected' };
  if (name === 'TimeoutError') return { code: 'timeout' };
  if (name === 'AuthError' || name === 'ScramError') return { code: 'auth-failed' };
  if (name === 'ConsoleInputError') return { code: 'console-input' };
  if (name === 'CertificateError') return { code: 'tls-failed' };
  const code = text(e.code);
  return (code && networkReason(code, e)) || { code: 'unknown' };
}

/** A stanza error condition as a reason (an unknown one as undefined-condition). */
export const stanzaReason = (condition: string): ErrorReason =>
  STANZA.has(condition) ? { code: condition as ErrorReason['code'] } : { code: 'undefined-condition' };
