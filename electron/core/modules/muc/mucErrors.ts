// Why a room refused us or a room request failed, in English (details) and as a code the UI words.
import { type ErrorReason, isErrorCode, stanzaReason } from '../../../../shared/model/errors.ts';

export class MucError extends Error {
  readonly condition: string;
  /** For a taken nick: one that may be free. */
  readonly suggestion: string | undefined;
  readonly reason: ErrorReason;
  constructor(condition: string, message: string, suggestion?: string, reason?: ErrorReason) {
    super(message);
    this.name = 'MucError';
    this.condition = condition;
    this.suggestion = suggestion;
    this.reason = reason ?? (isErrorCode(condition) ? { code: condition } : stanzaReason(condition));
  }
}

/** What a refusal to let us in means for a join (not the general meaning of the stanza condition). */
const JOIN_REASONS: Record<string, ErrorReason['code']> = {
  conflict: 'nick-taken',
  'not-authorized': 'room-password',
  forbidden: 'room-banned',
  'service-unavailable': 'room-full',
  'item-not-found': 'room-not-found',
  'not-allowed': 'room-creation-forbidden',
};

/** The room would not let us in. */
export class MucJoinError extends MucError {
  constructor(condition: string, message: string, suggestion?: string) {
    const code = JOIN_REASONS[condition];
    const reason = code ? (suggestion ? { code, params: { suggestion } } : { code }) : undefined;
    super(condition, message, suggestion, reason);
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
