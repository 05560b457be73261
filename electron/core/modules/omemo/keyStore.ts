// The Signal library's storage, backed by SQLite: private keys and sessions sealed by the vault,
// identities recorded per device (trust is decided by the OMEMO layer, never by the library).
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { OmemoRepo } from '../../store/omemoRepo.ts';
import { type KeyPair, pruneSessionRecord, type SignalStore } from './signal.ts';
import type { Vault } from './vault.ts';

// A copy: a Node Buffer's .buffer is a shared pool, and Buffer.slice() does not copy.
const buffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;
const same = (a: Uint8Array | undefined, b: Uint8Array): boolean =>
  a !== undefined && Buffer.from(a).equals(Buffer.from(b));

/** The library's address "<bare jid>.<device>": split on the last dot (JIDs contain dots). */
export function splitAddress(address: string): { jid: BareJid; device: number } {
  const dot = address.lastIndexOf('.');
  return { jid: address.slice(0, dot) as BareJid, device: Number(address.slice(dot + 1)) };
}

export interface KeyStoreHooks {
  /** A device showed an identity key we had not recorded for it (new, or changed). */
  newIdentity(jid: BareJid, device: number, key: Uint8Array): void;
  /** A one-time pre-key was used by a pre-key message. */
  preKeyUsed(id: number): void;
}

export function createKeyStore(account: AccountId, repo: OmemoRepo, vault: Vault, hooks: KeyStoreHooks): SignalStore {
  const identity = () => {
    const row = repo.identity(account);
    if (!row) throw new Error('This account has no OMEMO identity yet');
    return row;
  };
  const pair = (publicKey: Uint8Array, sealed: Uint8Array): KeyPair => ({
    pubKey: buffer(publicKey),
    privKey: buffer(vault.open(sealed)),
  });
  return {
    getIdentityKeyPair: () => {
      const row = identity();
      return Promise.resolve(pair(row.publicKey, row.sealedPrivateKey));
    },
    getLocalRegistrationId: () => Promise.resolve(identity().deviceId),
    // Trust is enforced when choosing devices to encrypt for; the library's per-JID check cannot express it.
    isTrustedIdentity: () => Promise.resolve(true),
    saveIdentity: (address, key) => {
      const { jid, device } = splitAddress(address);
      const bytes = new Uint8Array(key);
      if (same(repo.device(account, jid, device)?.identityKey, bytes)) return Promise.resolve(false);
      hooks.newIdentity(jid, device, bytes);
      return Promise.resolve(true);
    },
    loadPreKey: (id) => {
      const row = repo.preKey(account, Number(id));
      return Promise.resolve(row && pair(row.publicKey, row.sealedPrivateKey));
    },
    storePreKey: (id, key) => {
      repo.addPreKeys(
        account,
        [
          {
            id: Number(id),
            publicKey: new Uint8Array(key.pubKey),
            sealedPrivateKey: vault.seal(new Uint8Array(key.privKey)),
          },
        ],
        identity().nextPreKeyId,
      );
      return Promise.resolve();
    },
    removePreKey: (id) => {
      repo.consumePreKey(account, Number(id));
      hooks.preKeyUsed(Number(id));
      return Promise.resolve();
    },
    loadSignedPreKey: (id) => {
      const row = repo.signedPreKey(account, Number(id));
      return Promise.resolve(row && pair(row.publicKey, row.sealedPrivateKey));
    },
    storeSignedPreKey: () => Promise.reject(new Error('Signed pre-keys are made by the OMEMO layer')),
    removeSignedPreKey: () => Promise.resolve(),
    loadSession: (address) => {
      const { jid, device } = splitAddress(address);
      const sealed = repo.session(account, jid, device);
      return Promise.resolve(sealed && Buffer.from(vault.open(sealed)).toString('utf8'));
    },
    storeSession: (address, record) => {
      const { jid, device } = splitAddress(address);
      repo.setSession(account, jid, device, vault.seal(Buffer.from(pruneSessionRecord(record), 'utf8')));
      return Promise.resolve();
    },
  };
}
