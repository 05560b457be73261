import type { ErrorReason } from '../model/errors.ts';

export type IpcErrorCode = 'invalid-argument' | 'unknown-command' | 'failed' | 'untrusted-certificate' | 'forbidden';
/** What the user needs to decide whether to trust a server's certificate. */
export interface CertificateDetails {
  fingerprint: string;
  subject: string;
  reason: string;
  /** The server showed this certificate before (pinned, or accepted by the system): it changed. */
  previousFingerprint?: string;
}
export interface IpcError {
  code: IpcErrorCode;
  /** The engine's own words (English): shown as technical details. */
  message: string;
  /** What went wrong, for the renderer to word. */
  reason?: ErrorReason;
  certificate?: CertificateDetails;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(
  code: IpcErrorCode,
  message: string,
  extra: { certificate?: CertificateDetails; reason?: ErrorReason } = {},
): Result<never> {
  return { ok: false, error: { code, message, ...extra } };
}

/** Thrown on the UI side when a command's Result was an error. */
export class CommandError extends Error {
  readonly code: IpcErrorCode;
  readonly certificate: CertificateDetails | undefined;
  readonly reason: ErrorReason | undefined;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
    this.certificate = error.certificate;
    this.reason = error.reason;
  }
}
