// An OMEMO device whose keys and sessions live in memory: the other side in unit tests and benchmarks.
import {
  type buildSession,
  generateIdentity,
  generatePreKeys,
  generateSignedPreKey,
  type KeyPair,
  pruneSessionRecord,
  type SignalStore,
} from './signal.ts';

/** A device's keys and sessions in memory; sessions are pruned as they are stored, as the real store does. */
export async function memoryDevice(preKeys = 5): Promise<
  SignalStore & {
    preKeyIds(): number[];
    sessions: Map<string, string>;
    bundle(): Promise<Parameters<typeof buildSession>[3]>;
  }
> {
  const { identity, registrationId } = await generateIdentity();
  const pre = new Map<string, KeyPair>();
  const signed = new Map<string, KeyPair>();
  const sessions = new Map<string, string>();
  const signedPreKey = await generateSignedPreKey(identity, 1);
  signed.set('1', signedPreKey.pair);
  for (const { id, pair } of await generatePreKeys(1, preKeys)) pre.set(String(id), pair);
  return {
    sessions,
    preKeyIds: () => [...pre.keys()].map(Number),
    getIdentityKeyPair: () => Promise.resolve(identity),
    getLocalRegistrationId: () => Promise.resolve(registrationId),
    isTrustedIdentity: () => Promise.resolve(true),
    saveIdentity: () => Promise.resolve(false),
    loadPreKey: (id) => Promise.resolve(pre.get(String(id))),
    storePreKey: (id, pair) => {
      pre.set(String(id), pair);
      return Promise.resolve();
    },
    removePreKey: (id) => {
      pre.delete(String(id));
      return Promise.resolve();
    },
    loadSignedPreKey: (id) => Promise.resolve(signed.get(String(id))),
    storeSignedPreKey: (id, pair) => {
      signed.set(String(id), pair);
      return Promise.resolve();
    },
    removeSignedPreKey: (id) => {
      signed.delete(String(id));
      return Promise.resolve();
    },
    loadSession: (address) => Promise.resolve(sessions.get(address)),
    storeSession: (address, record) => {
      sessions.set(address, pruneSessionRecord(record));
      return Promise.resolve();
    },
    bundle: () => {
      const [id] = [...pre.keys()];
      const key = pre.get(id ?? '');
      if (!id || !key) return Promise.reject(new Error('no pre-keys left'));
      return Promise.resolve({
        registrationId,
        identityKey: new Uint8Array(identity.pubKey),
        signedPreKey: { id: 1, publicKey: new Uint8Array(signedPreKey.pair.pubKey), signature: signedPreKey.signature },
        preKey: { id: Number(id), publicKey: new Uint8Array(key.pubKey) },
      });
    },
  };
}
