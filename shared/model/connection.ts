import type { ErrorReason } from './errors.ts';
import type { FullJid } from './jid.ts';

export type TlsMode = 'starttls' | 'direct';

/**
 * Why a connection was refused by our side (the renderer words each code):
 * no-tls: the server did not offer encryption; no-auth: it skipped authentication;
 * wrong-jid: it bound another account's address; abuse: it kept sending oversized or too deeply nested data.
 * And stream errors the server sent: conflict (another client took our resource), policy-violation,
 * not-authorized, host-unknown, redirect-loop (see-other-host more than once).
 */
export type ConnectionErrorCode =
  | 'no-tls'
  | 'no-auth'
  | 'wrong-jid'
  | 'abuse'
  | 'conflict'
  | 'policy-violation'
  | 'not-authorized'
  | 'host-unknown'
  | 'redirect-loop';
export const CONNECTION_ERROR_CODES: readonly ConnectionErrorCode[] = [
  'no-tls',
  'no-auth',
  'wrong-jid',
  'abuse',
  'conflict',
  'policy-violation',
  'not-authorized',
  'host-unknown',
  'redirect-loop',
];

export type ConnectionState =
  /** `reason` is the engine's English text (details); `why` is what the renderer words. */
  | { status: 'offline'; reason?: string; code?: ConnectionErrorCode; why?: ErrorReason }
  | { status: 'connecting' }
  | { status: 'online'; jid: FullJid }
  | { status: 'reconnecting'; attempt: number; at: number; reason: string; why?: ErrorReason }
  | { status: 'authFailed'; message: string }
  | {
      status: 'certificateUntrusted';
      fingerprint: string;
      subject: string;
      reason: string;
      /** Set when the server's certificate changed from one that was trusted before. */
      previousFingerprint?: string;
    };

export type ConnectionStatus = ConnectionState['status'];
