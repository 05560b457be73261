// Our own OMEMO device: its id and identity (made once), a signed pre-key rotated weekly, and a pool
// of 100 one-time pre-keys whose ids only ever increase.
import { randomBytes } from 'node:crypto';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { OmemoRepo } from '../../store/omemoRepo.ts';
import type { BundleKeys } from './omemo.xml.ts';
import { generateIdentity, generatePreKeys, generateSignedPreKey, type KeyPair } from './signal.ts';
import { curveToEd, rawCurve, xeddsaSign } from './v2/crypto2.ts';
import type { Bundle2Keys } from './v2/omemo2.xml.ts';
import type { Vault } from './vault.ts';

export const PRE_KEY_POOL = 100;
const ROTATE_SIGNED_MS = 7 * 86_400_000;
/** Pre-key messages built on an older bundle may arrive late (offline storage, archive). */
const KEEP_OLD_SIGNED_MS = 30 * 86_400_000;

/** 31 random bits, never 0, never one of the ids already in our list (the library's own ids are 14-bit). */
export function newDeviceId(taken: readonly number[]): number {
  for (;;) {
    const id = randomBytes(4).readUInt32BE() & 0x7fffffff;
    if (id !== 0 && !taken.includes(id)) return id;
  }
}

const bytes = (buffer: ArrayBuffer): Uint8Array => new Uint8Array(buffer);

async function sealedPreKeys(vault: Vault, firstId: number, count: number) {
  return (await generatePreKeys(firstId, count)).map((k) => ({
    id: k.id,
    publicKey: bytes(k.pair.pubKey),
    sealedPrivateKey: vault.seal(bytes(k.pair.privKey)),
  }));
}

async function sealedSignedPreKey(vault: Vault, identity: KeyPair, id: number) {
  const signed = await generateSignedPreKey(identity, id);
  return {
    id,
    publicKey: bytes(signed.pair.pubKey),
    sealedPrivateKey: vault.seal(bytes(signed.pair.privKey)),
    signature: signed.signature,
    signature2: xeddsaSign(bytes(identity.privKey), rawCurve(bytes(signed.pair.pubKey))),
    createdAt: Date.now(),
  };
}

/** Makes this account's device on first use; returns its id. */
export async function ensureIdentity(
  account: AccountId,
  repo: OmemoRepo,
  vault: Vault,
  takenIds: readonly number[],
): Promise<number> {
  const existing = repo.identity(account);
  if (existing) return existing.deviceId;
  const { identity } = await generateIdentity();
  const deviceId = newDeviceId(takenIds);
  repo.createIdentity(
    account,
    {
      deviceId,
      publicKey: bytes(identity.pubKey),
      sealedPrivateKey: vault.seal(bytes(identity.privKey)),
      nextPreKeyId: PRE_KEY_POOL + 1,
    },
    await sealedSignedPreKey(vault, identity, 1),
    await sealedPreKeys(vault, 1, PRE_KEY_POOL),
  );
  return deviceId;
}

/** Tops the pool back up to 100 and rotates the signed pre-key when due; true when the bundle changed. */
export async function refreshKeys(
  account: AccountId,
  repo: OmemoRepo,
  vault: Vault,
  now = Date.now(),
): Promise<boolean> {
  const identity = repo.identity(account);
  if (!identity) return false;
  let changed = false;
  const missing = PRE_KEY_POOL - repo.livePreKeys(account).length;
  if (missing > 0) {
    repo.addPreKeys(
      account,
      await sealedPreKeys(vault, identity.nextPreKeyId, missing),
      identity.nextPreKeyId + missing,
    );
    changed = true;
  }
  const signed = repo.signedPreKey(account);
  if (!signed || now - signed.createdAt >= ROTATE_SIGNED_MS) {
    const pair = {
      pubKey: new Uint8Array(identity.publicKey).buffer,
      privKey: new Uint8Array(vault.open(identity.sealedPrivateKey)).buffer,
    };
    const next = await sealedSignedPreKey(vault, pair, (signed?.id ?? 0) + 1);
    repo.addSignedPreKey(account, next);
    repo.pruneSignedPreKeys(account, now - KEEP_OLD_SIGNED_MS, next.id);
    changed = true;
  }
  return changed;
}

/** What our OMEMO 2 bundle publishes: the same keys in their raw form, the signed pre-key signed as Ed25519. */
export function bundle2Keys(account: AccountId, repo: OmemoRepo, vault: Vault): Bundle2Keys {
  const identity = repo.identity(account);
  const signed = repo.signedPreKey(account);
  if (!identity || !signed) throw new Error('This account has no OMEMO identity yet');
  let signature2 = signed.signature2;
  if (!signature2) {
    signature2 = xeddsaSign(vault.open(identity.sealedPrivateKey), rawCurve(signed.publicKey));
    repo.setSignature2(account, signed.id, signature2);
  }
  return {
    ik: curveToEd(identity.publicKey),
    spk: { id: signed.id, publicKey: rawCurve(signed.publicKey), signature: signature2 },
    preKeys: repo.livePreKeys(account).map((k) => ({ id: k.id, publicKey: rawCurve(k.publicKey) })),
  };
}

/** What our bundle publishes. */
export function bundleKeys(account: AccountId, repo: OmemoRepo): BundleKeys {
  const identity = repo.identity(account);
  const signed = repo.signedPreKey(account);
  if (!identity || !signed) throw new Error('This account has no OMEMO identity yet');
  return {
    identityKey: identity.publicKey,
    signedPreKey: { id: signed.id, publicKey: signed.publicKey, signature: signed.signature },
    preKeys: repo.livePreKeys(account).map((k) => ({ id: k.id, publicKey: k.publicKey })),
  };
}
