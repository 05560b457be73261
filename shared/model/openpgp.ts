// OpenPGP for XMPP (XEP-0373/0374) as the UI sees it: keys with their trust, and a chat's choice of encryption.
import type { BareJid } from './jid.ts';

/**
 * As OMEMO's device trust: the first key of a contact is trusted blindly (trust on first use); a later new
 * key waits for the user (undecided) and blocks sending until looked at.
 */
export type KeyTrust = 'undecided' | 'blind' | 'verified' | 'distrusted';

/** Which encryption a chat uses (openpgp-legacy: XEP-0027); OMEMO is the default where the contact has devices. */
export const CHAT_PROTOCOLS = ['omemo', 'openpgp', 'openpgp-legacy', 'none'] as const;
export type ChatProtocol = (typeof CHAT_PROTOCOLS)[number];

export interface OpenPgpKey {
  jid: BareJid;
  /** 40 hex digits, upper case. */
  fingerprint: string;
  trust: KeyTrust;
  /** Still announced by its owner (keys no longer announced are kept for old messages, not encrypted to). */
  active: boolean;
}

export interface OwnOpenPgpKey {
  jid: BareJid;
  fingerprint: string;
  /** Armored public key, to hand out of band. */
  armored: string;
  /** XEP-0027: our presence is signed with it. */
  signsPresence: boolean;
}

/** Fingerprints shown in groups of four, as GnuPG and Gajim show them. */
export function formatPgpFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?!$)/gu, '$1 ');
}
