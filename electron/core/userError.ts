import type { ErrorCode, ErrorReason } from '../../shared/model/errors.ts';

/** A request the user can fix (a wrong address, a message that cannot be answered): its code is worded. */
export class UserError extends Error {
  readonly reason: ErrorReason;
  constructor(message: string, code: ErrorCode, params?: Record<string, string>) {
    super(message);
    this.name = 'UserError';
    this.reason = params ? { code, params } : { code };
  }
}
