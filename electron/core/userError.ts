/** A request the user can fix (a wrong address, a message that cannot be answered): its message is shown. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}
