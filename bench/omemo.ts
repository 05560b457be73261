// Legacy OMEMO costs: one message encrypted for 20 devices, and 1,000 messages decrypted, by the engine's
// layer (SQLite key store, keys sealed at rest, payload AES-GCM, sessions tried on copies, the library's
// Curve25519 and WebCrypto work done natively) beside the bare library (its own curve module and WebCrypto)
// on in-memory stores.
import type { AccountId } from '../shared/model/account.ts';
import type { BareJid } from '../shared/model/jid.ts';
import { createLogger } from '../electron/core/log.ts';
import { createMemorySecretStore } from '../electron/core/secrets.ts';
import { openStore } from '../electron/core/store/index.ts';
import type { Connection } from '../electron/core/account/connection.ts';
import { decryptMessage } from '../electron/core/modules/omemo/decrypt.ts';
import { encryptMessage } from '../electron/core/modules/omemo/encrypt.ts';
import { createKeyStore } from '../electron/core/modules/omemo/keyStore.ts';
import { memoryDevice } from '../electron/core/modules/omemo/memoryDevice.ts';
import type { OmemoContext } from '../electron/core/modules/omemo/omemoContext.ts';
import { bundleKeys, ensureIdentity } from '../electron/core/modules/omemo/ownDevice.ts';
import { sealPayload } from '../electron/core/modules/omemo/payload.ts';
import {
  bareCipher,
  buildSession,
  decryptFrom,
  encryptFor,
  setLibraryPrimitives,
  withoutProcessHandlers,
} from '../electron/core/modules/omemo/signal.ts';
import { openVault } from '../electron/core/modules/omemo/vault.ts';
import { compare, median } from './stats.ts';

export const ACCOUNT = 'me@bench' as AccountId;
const PEER = 'peer@bench' as BareJid;

/** The bare library: its own Curve25519 module and WebCrypto (the engine hands it node:crypto's). */
const bareLibrary = async (): Promise<void> => {
  const curve = await withoutProcessHandlers(async () => {
    // The wrapper's own file: the engine's stand-in for the module's entry (libraryCurveModule.ts) is not it.
    const { AsyncCurve25519Wrapper } = await import('@privacyresearch/curve25519-typescript/lib/curve-wrapper.js');
    const wrapper = new AsyncCurve25519Wrapper();
    await wrapper.keyPair(new Uint8Array(32).buffer); // its Emscripten module starts (and installs handlers) here
    return wrapper;
  });
  await setLibraryPrimitives(curve, globalThis.crypto);
};
const engineLibrary = (): Promise<void> => setLibraryPrimitives();

export async function engineDevice() {
  const store = openStore(':memory:');
  store.accounts.upsert({
    id: ACCOUNT,
    resource: 'bench',
    priority: 0,
    tls: 'starttls',
    presenceShow: 'online',
    presenceStatus: '',
    enabled: true,
    color: '',
    position: 0,
  });
  const vault = await openVault(createMemorySecretStore());
  const ownId = await ensureIdentity(ACCOUNT, store.omemo, vault, []);
  const keys = createKeyStore(ACCOUNT, store.omemo, vault, {
    newIdentity: (jid, device, key) => store.omemo.setIdentityKey(ACCOUNT, jid, device, key, 'blind'),
    preKeyUsed: () => undefined,
  });
  const ctx: OmemoContext = {
    account: ACCOUNT,
    xmpp: {} as Connection,
    repo: store.omemo,
    keys,
    ownId,
    log: createLogger('bench'),
    vault,
    preKeyUsed: () => undefined,
    ownJid: () => ACCOUNT,
    deviceIds: (jid) =>
      Promise.resolve(
        store.omemo
          .devices(ACCOUNT, jid)
          .filter((d) => d.active)
          .map((d) => d.device),
      ),
  };
  return { store, ctx };
}

export async function benchOmemo(quick: boolean): Promise<void> {
  const DEVICES = 20;
  const ROUNDS = quick ? 20 : 100;
  const MESSAGES = quick ? 200 : 1000;
  const { store, ctx } = await engineDevice();
  const own = bundleKeys(ACCOUNT, store.omemo);
  const remotes = await Promise.all(Array.from({ length: DEVICES }, () => memoryDevice(1)));
  store.omemo.setDeviceList(
    ACCOUNT,
    PEER,
    remotes.map((_, i) => i + 1),
  );
  for (const [i, remote] of remotes.entries()) await buildSession(ctx.keys, PEER, i + 1, await remote.bundle());

  // Floor: the library encrypting the same 32 bytes of key material for 20 in-memory sessions.
  const floorSender = await memoryDevice(DEVICES);
  const floorCiphers = [];
  for (let i = 0; i < DEVICES; i++) {
    await buildSession(floorSender, PEER, i + 1, await (await memoryDevice(1)).bundle());
    floorCiphers.push(await bareCipher(floorSender, PEER, i + 1));
  }
  const engineTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    await encryptMessage(ctx, [PEER], `message ${r}`, PEER);
    engineTimes.push(performance.now() - t);
    const material = sealPayload(`message ${r}`).keyMaterial;
    await bareLibrary();
    t = performance.now();
    for (const cipher of floorCiphers) await cipher.encrypt(material);
    floorTimes.push(performance.now() - t);
    await engineLibrary();
  }
  compare(`OMEMO encrypt for ${DEVICES} devices (median)`, 'ms', median(engineTimes), median(floorTimes));

  // Decrypt: one remote device sends MESSAGES messages to us; the floor is the library between two memory stores.
  const sender = remotes[0];
  if (!sender) return;
  const ownBundle = {
    registrationId: ctx.ownId,
    identityKey: own.identityKey,
    signedPreKey: own.signedPreKey,
    preKey: own.preKeys[0] ?? { id: 1, publicKey: new Uint8Array() },
  };
  await buildSession(sender, ACCOUNT, ctx.ownId, ownBundle);
  // A first message and our answer complete the session: what follows are normal (not pre-key) messages.
  const hello = sealPayload('hello');
  await decryptMessage(ctx, PEER, {
    sid: 1,
    keys: [{ rid: ctx.ownId, ...(await encryptFor(sender, ACCOUNT, ctx.ownId, hello.keyMaterial)) }],
    iv: hello.iv,
    payload: hello.payload,
  });
  const answer = await encryptFor(ctx.keys, PEER, 1, hello.keyMaterial);
  await decryptFrom(sender, ACCOUNT, ctx.ownId, answer.data, answer.preKey);
  const incoming = [];
  for (let i = 0; i < MESSAGES; i++) {
    const sealed = sealPayload(`incoming ${i}`);
    const key = await encryptFor(sender, ACCOUNT, ctx.ownId, sealed.keyMaterial);
    incoming.push({ sid: 1, keys: [{ rid: ctx.ownId, ...key }], iv: sealed.iv, payload: sealed.payload });
  }
  let t = performance.now();
  for (const element of incoming) {
    const result = await decryptMessage(ctx, PEER, element);
    if (result.kind !== 'message') throw new Error(`bench message did not decrypt: ${JSON.stringify(result)}`);
  }
  const engineDecrypt = (performance.now() - t) / MESSAGES;
  const [a, b] = [await memoryDevice(1), await memoryDevice(1)];
  await buildSession(a, 'b@bench', 2, await b.bundle());
  const first = await encryptFor(a, 'b@bench', 2, sealPayload('x').keyMaterial);
  await decryptFrom(b, 'a@bench', 1, first.data, true);
  const reply = await encryptFor(b, 'a@bench', 1, sealPayload('y').keyMaterial);
  await decryptFrom(a, 'b@bench', 2, reply.data, reply.preKey);
  const toB = await bareCipher(a, 'b@bench', 2);
  const atB = await bareCipher(b, 'a@bench', 1);
  const floorIncoming = [];
  for (let i = 0; i < MESSAGES; i++) floorIncoming.push(await toB.encrypt(sealPayload('x').keyMaterial));
  await bareLibrary();
  t = performance.now();
  for (const data of floorIncoming) await atB.decrypt(data);
  const floorDecrypt = (performance.now() - t) / MESSAGES;
  await engineLibrary();
  compare(`OMEMO decrypt (mean of ${MESSAGES})`, 'ms', engineDecrypt, floorDecrypt);
  store.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOmemo(process.argv.includes('--quick'));
