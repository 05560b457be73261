// OMEMO as the UI sees it: devices, their trust, and each chat's encryption state.
import type { BareJid } from './jid.ts';

/**
 * Trust is bound to a device's identity key. `unknown`: no key seen yet; `blind`: trusted without
 * verification (BTBV); `undecided`: new after the user verified another device of that contact;
 * `verified` and `distrusted`: the user's decision.
 */
export type DeviceTrust = 'unknown' | 'blind' | 'undecided' | 'verified' | 'distrusted';
export const DEVICE_TRUSTS: readonly DeviceTrust[] = ['unknown', 'blind', 'undecided', 'verified', 'distrusted'];

export const isTrusted = (trust: DeviceTrust): boolean => trust === 'blind' || trust === 'verified';

export interface OmemoDevice {
  jid: BareJid;
  id: number;
  /** The identity key in groups of 8 hex digits, once known (legacy OMEMO's Curve25519 form). */
  fingerprint?: string;
  /** The same identity as OMEMO 2 clients (Kaidan, Converse.js) show it: its Ed25519 form, once seen. */
  fingerprint2?: string;
  trust: DeviceTrust;
  /** Still in one of the owner's published device lists. */
  active: boolean;
  /** The lists it is in: messages to it use OMEMO 2 when it is in that one. */
  versions: OmemoVersionName[];
  firstSeen: number;
  /** When a message from it was last decrypted. */
  lastSeen?: number;
}

export type OmemoVersionName = 'legacy' | 'v2';

export interface OwnOmemoDevice {
  jid: BareJid;
  id: number;
  fingerprint: string;
  /** The Ed25519 form OMEMO 2 clients show. */
  fingerprint2: string;
  /** What a QR code shows (Conversations' form): xmpp:jid?omemo-sid-<id>=<hex>. */
  uri: string;
}

export interface OmemoChatState {
  peer: BareJid;
  /** The user's choice, or the default: on when the contact has OMEMO devices. */
  enabled: boolean;
  /** Whether a message could be encrypted now; otherwise `reason` says why. */
  usable: boolean;
  reason?: string;
  /** The contact's devices (a room's: every member's), then our own other devices. */
  devices: OmemoDevice[];
  /** Devices that appeared and are not trusted yet: the UI warns about these. */
  undecided: number;
}

/** Conversations' verification URI: the fingerprint without the 0x05 type byte, no spaces. */
export function verificationUri(jid: BareJid, devices: readonly { id: number; fingerprint: string }[]): string {
  return `xmpp:${jid}?${devices.map((d) => `omemo-sid-${d.id}=${d.fingerprint.replace(/\s+/gu, '').toLowerCase()}`).join(';')}`;
}

/** The fingerprints a scanned or pasted xmpp: URI vouches for (any omemo-sid-<id> parameter). */
export function parseVerificationUri(
  uri: string,
): { jid: BareJid; fingerprints: { id: number; fingerprint: string }[] } | undefined {
  const match = /^xmpp:([^?]+)\?(.*)$/su.exec(uri.trim());
  if (!match?.[1] || match[2] === undefined) return undefined;
  const fingerprints = match[2].split(/[;&]/u).flatMap((part) => {
    const pair = /^omemo2?-sid-(\d{1,10})=([0-9a-fA-F\s]{64,80})$/u.exec(part);
    const hex = pair?.[2]?.replace(/\s+/gu, '').toLowerCase();
    return pair && hex?.length === 64 ? [{ id: Number(pair[1]), fingerprint: hex }] : [];
  });
  return { jid: decodeURIComponent(match[1]) as BareJid, fingerprints };
}
