// Why a room refused us or a room request failed.
export class MucError extends Error {
  readonly condition: string;
  /** For a taken nick: one that may be free. */
  readonly suggestion: string | undefined;
  constructor(condition: string, message: string, suggestion?: string) {
    super(message);
    this.name = 'MucError';
    this.condition = condition;
    this.suggestion = suggestion;
  }
}

/** The room would not let us in (the renderer words these for a join, not as a general stanza error). */
export class MucJoinError extends MucError {
  constructor(condition: string, message: string, suggestion?: string) {
    super(condition, message, suggestion);
    this.name = 'MucJoinError';
  }
}

const JOIN_ERRORS: Record<string, string> = {
  conflict: 'That nickname is already in use in this room.',
  'not-authorized': 'This room needs a password (or the password was wrong).',
  forbidden: 'You are banned from this room.',
  'registration-required': 'Only members may enter this room.',
  'service-unavailable': 'The room is full or does not accept more occupants.',
  'item-not-found': 'This room does not exist and cannot be created here.',
  'not-allowed': 'Creating rooms is not allowed on this service.',
};

export const joinErrorText = (condition: string): string =>
  JOIN_ERRORS[condition] ?? `The room refused to let you in (${condition}).`;
