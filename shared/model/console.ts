// The XML console: what went over an account's stream, in and out, with secrets redacted.

export type ConsoleDirection = 'in' | 'out';
export type ConsoleKind = 'message' | 'presence' | 'iq' | 'other';

export interface ConsoleEntry {
  /** Rising per account; the UI keys rows and spots gaps with it. */
  seq: number;
  at: number;
  dir: ConsoleDirection;
  kind: ConsoleKind;
  xml: string;
  /** The stanza was longer than the console keeps; `xml` is its beginning. */
  truncated?: boolean;
}

/** Entries kept per account (older ones go first), and characters kept per entry. */
export const CONSOLE_MAX_ENTRIES = 1000;
export const CONSOLE_MAX_CHARS = 32_768;
/** A raw stanza typed into the console may be at most this long. */
export const CONSOLE_MAX_SEND_CHARS = 65_536;
