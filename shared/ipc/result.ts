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
  message: string;
  certificate?: CertificateDetails;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string, certificate?: CertificateDetails): Result<never> {
  return { ok: false, error: certificate ? { code, message, certificate } : { code, message } };
}

/** Thrown on the UI side when a command's Result was an error. */
export class CommandError extends Error {
  readonly code: IpcErrorCode;
  readonly certificate: CertificateDetails | undefined;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
    this.certificate = error.certificate;
  }
}
