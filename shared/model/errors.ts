// Why a command failed, as a code the renderer words in the user's language (parameters fill the
// wording); the engine's own English text travels beside it as technical details.

/** RFC 6120 §8.3.3 stanza error conditions, as servers and rooms send them. */
export const STANZA_CONDITIONS = [
  'bad-request',
  'conflict',
  'feature-not-implemented',
  'forbidden',
  'gone',
  'internal-server-error',
  'item-not-found',
  'jid-malformed',
  'not-acceptable',
  'not-allowed',
  'not-authorized',
  'policy-violation',
  'recipient-unavailable',
  'redirect',
  'registration-required',
  'remote-server-not-found',
  'remote-server-timeout',
  'resource-constraint',
  'service-unavailable',
  'subscription-required',
  'undefined-condition',
  'unexpected-request',
] as const;

export const ERROR_CODES = [
  ...STANZA_CONDITIONS,
  'not-connected',
  'connection-lost',
  'stream-closed',
  'redirected',
  'timeout',
  'network-refused',
  'network-unreachable',
  'network-reset',
  'tls-failed',
  'auth-failed',
  'not-joined',
  'room-exists',
  'nick-taken',
  'room-password',
  'room-banned',
  'room-full',
  'room-not-found',
  'room-creation-forbidden',
  'username-taken',
  'console-input',
  'registration-closed',
  'registration-refused',
  'captcha-failed',
  'account-disabled',
  'confirm-mismatch',
  'no-account',
  'account-exists',
  'invalid-jid',
  'invalid-server',
  'not-in-conversation',
  'no-message-id',
  'reaction-restricted',
  'call-unknown',
  'call-busy',
  'unknown',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorReason {
  code: ErrorCode;
  /** Named parts of the wording: a host, a room, an address. */
  params?: Record<string, string>;
}

const KNOWN = new Set<string>(ERROR_CODES);
export const isErrorCode = (value: unknown): value is ErrorCode => typeof value === 'string' && KNOWN.has(value);

const STANZA = new Set<string>(STANZA_CONDITIONS);
/** A stanza error condition as a reason (one outside RFC 6120 as undefined-condition). */
export const stanzaReason = (condition: string): ErrorReason =>
  STANZA.has(condition) ? { code: condition as ErrorCode } : { code: 'undefined-condition' };
