import type { ErrorCode } from '../../shared/model/errors.ts';

/** A request the user can fix (a wrong address, a message that cannot be answered): its code is worded. */
export class UserError extends Error {
  readonly code: ErrorCode;
  readonly params: Record<string, string> | undefined;
  constructor(message: string, code: ErrorCode, params?: Record<string, string>) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.params = params;
  }
}
