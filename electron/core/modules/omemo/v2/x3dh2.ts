// OMEMO 2's X3DH: SK = HKDF(0xFF×32 ‖ DH1 ‖ DH2 ‖ DH3 ‖ DH4, salt 0×32, "OMEMO X3DH"), AD = IK_A ‖ IK_B
// (Ed25519). Identity DH uses the X25519 form of the Ed25519 keys.
import { curveToEd, ed25519Verify, edToCurve, hkdf, x25519, x25519Pair, zeros } from './crypto2.ts';
import { initiatorState, type RatchetState, responderState } from './ratchet2.ts';

/** A device's OMEMO 2 bundle with one pre-key picked. */
export interface Bundle2 {
  ik: Uint8Array;
  spk: { id: number; publicKey: Uint8Array; signature: Uint8Array };
  pk: { id: number; publicKey: Uint8Array };
}

/** Our identity: legacy OMEMO's Curve25519 pair (the public key with or without its 0x05 byte). */
export interface OwnIdentity {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export class X3dhError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'X3dhError';
  }
}

const secret = (...dh: Uint8Array[]): Uint8Array =>
  hkdf(Buffer.concat([new Uint8Array(32).fill(0xff), ...dh]), zeros(32), 'OMEMO X3DH', 32);

export interface ActiveStart {
  state: RatchetState;
  /** What the first messages carry (OMEMOKeyExchange) until the peer answers. */
  kex: { pkId: number; spkId: number; ik: Uint8Array; ek: Uint8Array };
}

export function startActive(own: OwnIdentity, bundle: Bundle2): ActiveStart {
  if (!ed25519Verify(bundle.ik, bundle.spk.publicKey, bundle.spk.signature))
    throw new X3dhError("The bundle's signed pre-key signature is not valid");
  const ek = x25519Pair();
  const peerIk = edToCurve(bundle.ik);
  const sk = secret(
    x25519(own.privateKey, bundle.spk.publicKey),
    x25519(ek.privateKey, peerIk),
    x25519(ek.privateKey, bundle.spk.publicKey),
    x25519(ek.privateKey, bundle.pk.publicKey),
  );
  const ownEd = curveToEd(own.publicKey);
  return {
    state: initiatorState(sk, bundle.spk.publicKey, Buffer.concat([ownEd, bundle.ik])),
    kex: { pkId: bundle.pk.id, spkId: bundle.spk.id, ik: ownEd, ek: ek.publicKey },
  };
}

export function startPassive(
  own: OwnIdentity,
  spk: { publicKey: Uint8Array; privateKey: Uint8Array },
  pk: { privateKey: Uint8Array },
  peer: { ik: Uint8Array; ek: Uint8Array },
): RatchetState {
  const peerIk = edToCurve(peer.ik);
  const sk = secret(
    x25519(spk.privateKey, peerIk),
    x25519(own.privateKey, peer.ek),
    x25519(spk.privateKey, peer.ek),
    x25519(pk.privateKey, peer.ek),
  );
  return responderState(sk, spk, Buffer.concat([peer.ik, curveToEd(own.publicKey)]));
}
