import type { BareJid } from './jid.ts';
import type { ConnectionState, TlsMode } from './connection.ts';
import type { PresenceShow } from './presence.ts';

export type AccountId = BareJid;

/** An account as the UI sees it: never carries the password. */
export interface Account {
  id: AccountId;
  jid: BareJid;
  resource: string;
  priority: number;
  host?: string;
  port?: number;
  tls: TlsMode;
  /** The SHA-256 fingerprint of a certificate the user chose to trust for this account. */
  pinnedFingerprint?: string;
  presence: { show: PresenceShow; status: string };
  state: ConnectionState;
  /** Off: kept with its history, not connected. */
  enabled: boolean;
  /** The colour the user chose ('#rrggbb'); absent: one made from the address. */
  color?: string;
}

export interface AccountSettings {
  jid: string;
  password: string;
  resource?: string;
  priority?: number;
  host?: string;
  port?: number;
  tls?: TlsMode;
}

export interface ServerAddress {
  domain: string;
  host?: string;
  port?: number;
  tls?: TlsMode;
  pinnedFingerprint?: string;
}

export interface RegistrationField {
  name: string;
  label: string;
  /** `fixed`: text to read (a CAPTCHA's help), never submitted. */
  type: 'text' | 'password' | 'hidden' | 'fixed';
  required: boolean;
  value?: string;
  /** The image to read the answer from (a CAPTCHA, XEP-0158), from the stanza's own bytes. */
  media?: { type: string; base64: string };
}

export interface RegistrationForm {
  instructions: string;
  fields: RegistrationField[];
}

export const PRIORITY_MIN = -128;
export const PRIORITY_MAX = 127;
