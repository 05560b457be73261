export type IpcErrorCode = 'invalid-argument' | 'unknown-command' | 'failed';
export interface IpcError {
  code: IpcErrorCode;
  message: string;
}
export type Result<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail(code: IpcErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}

/** Thrown on the UI side when a command's Result was an error. */
export class CommandError extends Error {
  readonly code: IpcErrorCode;
  constructor(error: IpcError) {
    super(error.message);
    this.name = 'CommandError';
    this.code = error.code;
  }
}
