// OMEMO 2's double ratchet: KDF_RK "OMEMO Root Chain", KDF_CK by separate HMACs (0x02 chain, 0x01 message),
// the message AEAD "OMEMO Message Key Material" (AES-256-CBC, HMAC-SHA-256 over AD ‖ OMEMOMessage cut to 16).
// A state is plain JSON (base64 keys); every operation works on a copy, kept only when it succeeded.
import { aesCbcDecrypt, aesCbcEncrypt, hkdf, hmac, sameBytes, x25519, x25519Pair, zeros } from './crypto2.ts';
import { decodeAuthenticated, decodeMessage, encodeAuthenticated, encodeMessage } from './proto2.ts';

/** Message keys kept for messages that may still arrive (per session), and skipped per message at most. */
export const MAX_SKIP = 1000;

export interface RatchetState {
  rk: string;
  dhsPub: string;
  dhsPriv: string;
  dhr?: string | undefined;
  cks?: string | undefined;
  ckr?: string | undefined;
  ns: number;
  nr: number;
  pn: number;
  /** `${ratchet key}:${n}` → message key, oldest first. */
  skipped: [string, string][];
  /** IK_initiator ‖ IK_responder, both Ed25519. */
  ad: string;
}

export class RatchetError extends Error {
  readonly duplicate: boolean;
  constructor(message: string, duplicate = false) {
    super(message);
    this.name = 'RatchetError';
    this.duplicate = duplicate;
  }
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const raw = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

function rootStep(rk: string, dhOut: Uint8Array): { rk: string; ck: string } {
  const out = hkdf(dhOut, raw(rk), 'OMEMO Root Chain', 64);
  return { rk: b64(out.subarray(0, 32)), ck: b64(out.subarray(32)) };
}

function chainStep(ck: string): { ck: string; mk: Uint8Array } {
  const key = raw(ck);
  return { ck: b64(hmac(key, Uint8Array.of(2))), mk: hmac(key, Uint8Array.of(1)) };
}

function messageKeys(mk: Uint8Array): { enc: Uint8Array; auth: Uint8Array; iv: Uint8Array } {
  const out = hkdf(mk, zeros(32), 'OMEMO Message Key Material', 80);
  return { enc: out.subarray(0, 32), auth: out.subarray(32, 64), iv: out.subarray(64) };
}

/** The initiator's state after X3DH: its first sending chain already keyed to the responder's SPK. */
export function initiatorState(sk: Uint8Array, responderSpk: Uint8Array, ad: Uint8Array): RatchetState {
  const dhs = x25519Pair();
  const { rk, ck } = rootStep(b64(sk), x25519(dhs.privateKey, responderSpk));
  return {
    rk,
    dhsPub: b64(dhs.publicKey),
    dhsPriv: b64(dhs.privateKey),
    dhr: b64(responderSpk),
    cks: ck,
    ns: 0,
    nr: 0,
    pn: 0,
    skipped: [],
    ad: b64(ad),
  };
}

/** The responder's state after X3DH: its ratchet key is the signed pre-key; chains start with the first message. */
export function responderState(sk: Uint8Array, spk: { publicKey: Uint8Array; privateKey: Uint8Array }, ad: Uint8Array) {
  const state: RatchetState = {
    rk: b64(sk),
    dhsPub: b64(spk.publicKey),
    dhsPriv: b64(spk.privateKey),
    ns: 0,
    nr: 0,
    pn: 0,
    skipped: [],
    ad: b64(ad),
  };
  return state;
}

export function ratchetEncrypt(state: RatchetState, plaintext: Uint8Array): { state: RatchetState; data: Uint8Array } {
  if (!state.cks) throw new RatchetError('The session has no sending chain yet');
  const next = { ...state };
  const { ck, mk } = chainStep(state.cks);
  next.cks = ck;
  const keys = messageKeys(mk);
  const message = encodeMessage({
    n: state.ns,
    pn: state.pn,
    dhPub: raw(state.dhsPub),
    ciphertext: aesCbcEncrypt(keys.enc, keys.iv, plaintext),
  });
  next.ns = state.ns + 1;
  const mac = hmac(keys.auth, raw(state.ad), message).subarray(0, 16);
  return { state: next, data: encodeAuthenticated({ mac, message }) };
}

function skipTo(state: RatchetState, until: number): void {
  if (!state.ckr || !state.dhr) return;
  if (until - state.nr > MAX_SKIP) throw new RatchetError('Too many messages were skipped');
  while (state.nr < until) {
    const { ck, mk } = chainStep(state.ckr);
    state.skipped.push([`${state.dhr}:${state.nr}`, b64(mk)]);
    state.ckr = ck;
    state.nr++;
  }
  if (state.skipped.length > MAX_SKIP) state.skipped.splice(0, state.skipped.length - MAX_SKIP);
}

function open(state: RatchetState, mk: Uint8Array, mac: Uint8Array, message: Uint8Array, ct?: Uint8Array) {
  const keys = messageKeys(mk);
  if (!sameBytes(hmac(keys.auth, raw(state.ad), message).subarray(0, 16), mac))
    throw new RatchetError('The message failed its authentication');
  if (!ct) throw new RatchetError('The message has no ciphertext');
  try {
    return aesCbcDecrypt(keys.enc, keys.iv, ct);
  } catch {
    throw new RatchetError('The message could not be decrypted');
  }
}

export function ratchetDecrypt(state: RatchetState, data: Uint8Array): { state: RatchetState; plaintext: Uint8Array } {
  const { mac, message } = decodeAuthenticated(data);
  const header = decodeMessage(message);
  const next: RatchetState = { ...state, skipped: [...state.skipped] };
  const dh = b64(header.dhPub);
  const slot = next.skipped.findIndex(([id]) => id === `${dh}:${header.n}`);
  if (slot >= 0) {
    const plaintext = open(next, raw(next.skipped[slot]?.[1] ?? ''), mac, message, header.ciphertext);
    next.skipped.splice(slot, 1);
    return { state: next, plaintext };
  }
  if (dh === next.dhr && header.n < next.nr) throw new RatchetError('The message key was used already', true);
  if (dh !== next.dhr) {
    skipTo(next, header.pn);
    next.pn = next.ns;
    next.ns = 0;
    next.nr = 0;
    next.dhr = dh;
    const received = rootStep(next.rk, x25519(raw(next.dhsPriv), header.dhPub));
    next.ckr = received.ck;
    const dhs = x25519Pair();
    next.dhsPub = b64(dhs.publicKey);
    next.dhsPriv = b64(dhs.privateKey);
    const sending = rootStep(received.rk, x25519(dhs.privateKey, header.dhPub));
    next.rk = sending.rk;
    next.cks = sending.ck;
  }
  skipTo(next, header.n);
  if (!next.ckr) throw new RatchetError('The session has no receiving chain');
  const { ck, mk } = chainStep(next.ckr);
  const plaintext = open(next, mk, mac, message, header.ciphertext);
  next.ckr = ck;
  next.nr = header.n + 1;
  return { state: next, plaintext };
}
