// The one file that imports libsignal-protocol-typescript (legacy OMEMO's Signal sessions). It hides
// the library's quirks: its curve module is heavy and installs process-wide handlers that abort the process
// on any unhandled rejection (ours stands in for it; were it loaded, its handlers are removed and the app's
// own kept), messages are "binary strings", and session records keep every old receiving chain (pruned here).
import type * as Lib from '@privacyresearch/libsignal-protocol-typescript';
import { nativeCurve, nativeWebCrypto } from './nativeCrypto.ts';
import { standInForLibraryCurveModule } from './libraryCurveModule.ts';

export interface KeyPair {
  pubKey: ArrayBuffer;
  privKey: ArrayBuffer;
}

/** What the library needs stored; ids and addresses as it passes them. */
export interface SignalStore {
  getIdentityKeyPair(): Promise<KeyPair | undefined>;
  getLocalRegistrationId(): Promise<number | undefined>;
  isTrustedIdentity(address: string, identityKey: ArrayBuffer, direction: number): Promise<boolean>;
  saveIdentity(address: string, identityKey: ArrayBuffer): Promise<boolean>;
  loadPreKey(id: string | number): Promise<KeyPair | undefined>;
  storePreKey(id: string | number, pair: KeyPair): Promise<void>;
  removePreKey(id: string | number): Promise<void>;
  loadSignedPreKey(id: string | number): Promise<KeyPair | undefined>;
  storeSignedPreKey(id: string | number, pair: KeyPair): Promise<void>;
  removeSignedPreKey(id: string | number): Promise<void>;
  loadSession(address: string): Promise<string | undefined>;
  storeSession(address: string, record: string): Promise<void>;
}

/** A contact device's published keys (XEP-0384 bundle), one pre-key picked. */
export interface Bundle {
  registrationId: number;
  identityKey: Uint8Array;
  signedPreKey: { id: number; publicKey: Uint8Array; signature: Uint8Array };
  preKey: { id: number; publicKey: Uint8Array };
}

let loaded: Promise<typeof Lib> | undefined;

type LibraryCurve = Parameters<typeof Lib.setCurve>[0];
/** Takes any object: ours has only the part of WebCrypto the library calls (nativeCrypto.ts). */
const setWebCrypto = (lib: typeof Lib, webCrypto: object): void =>
  (lib.setWebCrypto as (webCrypto: object) => void)(webCrypto);

/**
 * The library's Curve25519 and WebCrypto work: ours (node:crypto, nativeCrypto.ts) unless other primitives
 * are given (the benchmark measures the bare library with its own curve module and WebCrypto).
 */
export async function setLibraryPrimitives(curve?: LibraryCurve, webCrypto?: object): Promise<void> {
  const lib = await signalLibrary();
  lib.setCurve(curve ?? nativeCurve);
  setWebCrypto(lib, webCrypto ?? nativeWebCrypto);
}

/**
 * Runs `load` and takes back the process-wide handlers it installed: the library's Emscripten-built curve
 * module rethrows every uncaught exception and aborts on every unhandled rejection, which would end the
 * whole process (the app's engine, or a test run with its servers still up).
 */
export async function withoutProcessHandlers<T>(load: () => Promise<T>): Promise<T> {
  const own = {
    rejection: process.listeners('unhandledRejection'),
    exception: process.listeners('uncaughtException'),
  };
  try {
    return await load();
  } finally {
    for (const listener of process.listeners('unhandledRejection'))
      if (!own.rejection.includes(listener)) process.removeListener('unhandledRejection', listener);
    for (const listener of process.listeners('uncaughtException'))
      if (!own.exception.includes(listener)) process.removeListener('uncaughtException', listener);
  }
}

/**
 * Imports the library once, with our curve standing in for its curve module; should that module have been
 * loaded already, the handlers it installs on first use are taken back.
 */
export function signalLibrary(): Promise<typeof Lib> {
  loaded ??= withoutProcessHandlers(async () => {
    const standIn = standInForLibraryCurveModule();
    const lib = await import('@privacyresearch/libsignal-protocol-typescript');
    if (!standIn) await lib.KeyHelper.generateIdentityKeyPair(); // the curve module registers its handlers on first use
    lib.setCurve(nativeCurve);
    setWebCrypto(lib, nativeWebCrypto);
    return lib;
  });
  return loaded;
}

// A copy: a Node Buffer's .buffer is a shared pool, and Buffer.slice() does not copy.
const buffer = (bytes: Uint8Array): ArrayBuffer => new Uint8Array(bytes).buffer;
const bytesOfBinary = (text: string): Uint8Array => Uint8Array.from(text, (c) => c.charCodeAt(0));
const binaryOf = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

export async function generateIdentity(): Promise<{ identity: KeyPair; registrationId: number }> {
  const { KeyHelper } = await signalLibrary();
  return { identity: await KeyHelper.generateIdentityKeyPair(), registrationId: KeyHelper.generateRegistrationId() };
}

export async function generatePreKeys(firstId: number, count: number): Promise<{ id: number; pair: KeyPair }[]> {
  const { KeyHelper } = await signalLibrary();
  const keys: { id: number; pair: KeyPair }[] = [];
  for (let id = firstId; id < firstId + count; id++)
    keys.push({ id, pair: (await KeyHelper.generatePreKey(id)).keyPair });
  return keys;
}

export async function generateSignedPreKey(
  identity: KeyPair,
  id: number,
): Promise<{ id: number; pair: KeyPair; signature: Uint8Array }> {
  const { KeyHelper } = await signalLibrary();
  const signed = await KeyHelper.generateSignedPreKey(identity, id);
  return { id, pair: signed.keyPair, signature: new Uint8Array(signed.signature) };
}

function address(lib: typeof Lib, jid: string, device: number): Lib.SignalProtocolAddress {
  return new lib.SignalProtocolAddress(jid, device);
}

/** Starts a session with a device from its bundle (X3DH); the first message is then a pre-key message. */
export async function buildSession(store: SignalStore, jid: string, device: number, bundle: Bundle): Promise<void> {
  const lib = await signalLibrary();
  await new lib.SessionBuilder(store, address(lib, jid, device)).processPreKey({
    registrationId: bundle.registrationId,
    identityKey: buffer(bundle.identityKey),
    signedPreKey: {
      keyId: bundle.signedPreKey.id,
      publicKey: buffer(bundle.signedPreKey.publicKey),
      signature: buffer(bundle.signedPreKey.signature),
    },
    preKey: { keyId: bundle.preKey.id, publicKey: buffer(bundle.preKey.publicKey) },
  });
}

export async function hasSession(store: SignalStore, jid: string, device: number): Promise<boolean> {
  const lib = await signalLibrary();
  return new lib.SessionCipher(store, address(lib, jid, device)).hasOpenSession();
}

/** Encrypts key material for one device; `preKey` says the receiver must build the session from it. */
export async function encryptFor(
  store: SignalStore,
  jid: string,
  device: number,
  plaintext: Uint8Array,
): Promise<{ preKey: boolean; data: Uint8Array }> {
  const lib = await signalLibrary();
  const message = await new lib.SessionCipher(store, address(lib, jid, device)).encrypt(buffer(plaintext));
  if (message.body === undefined) throw new Error('The Signal session produced no message');
  return { preKey: message.type === 3, data: bytesOfBinary(message.body) };
}

/** Decrypts key material from one device; a pre-key message consumes the one-time pre-key it used. */
export async function decryptFrom(
  store: SignalStore,
  jid: string,
  device: number,
  data: Uint8Array,
  preKey: boolean,
): Promise<Uint8Array> {
  const lib = await signalLibrary();
  if (preKey)
    return new Uint8Array(
      await new lib.SessionCipher(store, address(lib, jid, device)).decryptPreKeyWhisperMessage(
        binaryOf(data),
        'binary',
      ),
    );
  return decryptOnEachSession(lib, store, jid, device, data);
}

interface RecordJson {
  sessions: Record<string, StoredSession & { indexInfo: { closed: number } }>;
}

/**
 * The library tries a message on every session of a record, and a failed try still steps that
 * session's ratchet in memory; the record it then stores (after a later session succeeds) carries the
 * damage, and the sessions stop decrypting (simultaneous session starts make records with two
 * sessions). Each session is tried here on its own copy, and only the one that decrypted is written back.
 */
async function decryptOnEachSession(
  lib: typeof Lib,
  store: SignalStore,
  jid: string,
  device: number,
  data: Uint8Array,
): Promise<Uint8Array> {
  const name = address(lib, jid, device).toString();
  const stored = await store.loadSession(name);
  if (!stored) throw new Error(`No record for device ${name}`);
  const record = JSON.parse(stored) as RecordJson;
  const order = Object.keys(record.sessions).sort((a, b) => closedRank(record, b) - closedRank(record, a));
  let failure: unknown = new Error(`No record for device ${name}`);
  for (const key of order) {
    let written: string | undefined;
    const single = JSON.stringify({ ...record, sessions: { [key]: record.sessions[key] } });
    const view: SignalStore = {
      ...store,
      loadSession: () => Promise.resolve(single),
      storeSession: (_address, next) => {
        written = next;
        return Promise.resolve();
      },
    };
    try {
      const plain = await new lib.SessionCipher(view, address(lib, jid, device)).decryptWhisperMessage(
        binaryOf(data),
        'binary',
      );
      const updated = written ? (JSON.parse(written) as RecordJson).sessions[key] : undefined;
      if (updated) {
        if (record.sessions[key]?.indexInfo.closed !== -1)
          for (const other of Object.values(record.sessions))
            if (other.indexInfo.closed === -1) other.indexInfo.closed = Date.now();
        record.sessions[key] = { ...updated, indexInfo: { ...updated.indexInfo, closed: -1 } };
        await store.storeSession(name, JSON.stringify(record));
      }
      return new Uint8Array(plain);
    } catch (error) {
      if (error instanceof Error && error.name === 'MessageCounterError') throw error;
      failure = error;
    }
  }
  throw failure;
}

/** The open session first, then the most recently closed. */
function closedRank(record: RecordJson, key: string): number {
  const closed = record.sessions[key]?.indexInfo.closed ?? 0;
  return closed === -1 ? Number.MAX_SAFE_INTEGER : closed;
}

interface StoredSession {
  currentRatchet?: { ephemeralKeyPair?: { pubKey?: string }; lastRemoteEphemeralKey?: string };
  oldRatchetList?: { ephemeralKey?: string }[];
  chains?: Record<string, unknown>;
}

/**
 * The library means to keep the last ten receiving chains but deletes the wrong property, so a record
 * grows with every ratchet step. Keeps the current sending and receiving chains and those still listed.
 */
export function pruneSessionRecord(record: string): string {
  const parsed = JSON.parse(record) as { sessions?: Record<string, StoredSession> };
  for (const session of Object.values(parsed.sessions ?? {})) {
    if (!session.chains) continue;
    const keep = new Set([
      session.currentRatchet?.ephemeralKeyPair?.pubKey,
      session.currentRatchet?.lastRemoteEphemeralKey,
      ...(session.oldRatchetList ?? []).map((r) => r.ephemeralKey),
    ]);
    for (const key of Object.keys(session.chains)) if (!keep.has(key)) delete session.chains[key];
  }
  return JSON.stringify(parsed);
}

/** The public identity key as OMEMO shows it (without the 0x05 type byte), in groups of 8 hex digits. */
export function formatFingerprint(identityKey: Uint8Array): string {
  const key = identityKey.length === 33 ? identityKey.subarray(1) : identityKey;
  return (
    Buffer.from(key)
      .toString('hex')
      .match(/.{1,8}/gu) ?? []
  ).join(' ');
}

/** The library's own cipher with none of the above (no per-session copies): the benchmark's floor. */
export async function bareCipher(
  store: SignalStore,
  jid: string,
  device: number,
): Promise<{ encrypt(bytes: Uint8Array): Promise<Uint8Array>; decrypt(bytes: Uint8Array): Promise<Uint8Array> }> {
  const lib = await signalLibrary();
  const cipher = new lib.SessionCipher(store, address(lib, jid, device));
  return {
    encrypt: async (bytes) => bytesOfBinary((await cipher.encrypt(buffer(bytes))).body ?? ''),
    decrypt: async (bytes) => new Uint8Array(await cipher.decryptWhisperMessage(binaryOf(bytes), 'binary')),
  };
}
