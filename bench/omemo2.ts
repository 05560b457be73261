// OMEMO 2 costs, as for legacy OMEMO: one message encrypted for 20 devices (envelope, payload, one ratchet
// step per device, sessions stored sealed) and 1,000 messages decrypted by the engine, beside the bare
// cryptography on in-memory state (the same payload, ratchet and AEAD; no envelope, storage or sealing).
import type { BareJid } from '../shared/model/jid.ts';
import { bundle2Keys } from '../electron/core/modules/omemo/ownDevice.ts';
import { encryptMessage } from '../electron/core/modules/omemo/encrypt.ts';
import { curveToEd, x25519Pair, xeddsaSign } from '../electron/core/modules/omemo/v2/crypto2.ts';
import { decryptMessage2 } from '../electron/core/modules/omemo/v2/decrypt2.ts';
import { buildEnvelope, openPayload2, sealPayload2 } from '../electron/core/modules/omemo/v2/payload2.ts';
import { encodeKeyExchange } from '../electron/core/modules/omemo/v2/proto2.ts';
import { ratchetDecrypt, ratchetEncrypt, type RatchetState } from '../electron/core/modules/omemo/v2/ratchet2.ts';
import { buildSession2, encryptFor2 } from '../electron/core/modules/omemo/v2/session2.ts';
import { type Bundle2, startActive, startPassive } from '../electron/core/modules/omemo/v2/x3dh2.ts';
import { ACCOUNT, engineDevice } from './omemo.ts';
import { compare, median } from './stats.ts';

const PEER = 'v2peer@bench' as BareJid;

/** A device in memory: its identity, signed pre-key and one pre-key, and the bundle that offers them. */
function memoryDevice2() {
  const identity = x25519Pair();
  const spk = x25519Pair();
  const pk = x25519Pair();
  const bundle: Bundle2 = {
    ik: curveToEd(identity.publicKey),
    spk: { id: 1, publicKey: spk.publicKey, signature: xeddsaSign(identity.privateKey, spk.publicKey) },
    pk: { id: 1, publicKey: pk.publicKey },
  };
  return { identity, spk, pk, bundle };
}

/** Two in-memory states with a confirmed session: the initiator's and the responder's. */
function memoryPair(): { alice: RatchetState; bob: RatchetState } {
  const a = memoryDevice2();
  const b = memoryDevice2();
  const started = startActive(a.identity, b.bundle);
  const first = ratchetEncrypt(started.state, new Uint8Array(48));
  const bob = ratchetDecrypt(startPassive(b.identity, b.spk, b.pk, started.kex), first.data).state;
  const answer = ratchetEncrypt(bob, new Uint8Array(48));
  return { alice: ratchetDecrypt(first.state, answer.data).state, bob: answer.state };
}

export async function benchOmemo2(quick: boolean): Promise<void> {
  const DEVICES = 20;
  const ROUNDS = quick ? 20 : 100;
  const MESSAGES = quick ? 200 : 1000;
  const { store, ctx } = await engineDevice();
  const remotes = Array.from({ length: DEVICES }, memoryDevice2);
  store.omemo.setDeviceList(
    ACCOUNT,
    PEER,
    remotes.map((_, i) => i + 1),
    2,
  );
  for (const [i, remote] of remotes.entries()) await buildSession2(ctx, PEER, i + 1, remote.bundle);
  const floorStates = Array.from({ length: DEVICES }, () => memoryPair().alice);
  const engineTimes: number[] = [];
  const floorTimes: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    const sealed = await encryptMessage(ctx, [PEER], `message ${r}`, PEER);
    engineTimes.push(performance.now() - t);
    if (sealed.v2?.keys.length !== DEVICES) throw new Error('bench message was not encrypted with OMEMO 2');
    t = performance.now();
    const { keyMaterial } = sealPayload2(Buffer.from(`message ${r}`));
    for (const [i, state] of floorStates.entries()) floorStates[i] = ratchetEncrypt(state, keyMaterial).state;
    floorTimes.push(performance.now() - t);
  }
  compare(`OMEMO 2 encrypt for ${DEVICES} devices (median)`, 'ms', median(engineTimes), median(floorTimes));

  // Decrypt: one remote device opens a session with our bundle, we answer, then it sends MESSAGES messages.
  const sender = memoryDevice2();
  const own = bundle2Keys(ACCOUNT, store.omemo, ctx.vault);
  const pk = own.preKeys[0];
  if (!pk) throw new Error('no pre-key');
  const started = startActive(sender.identity, { ik: own.ik, spk: own.spk, pk });
  let remote = started.state;
  const message = (text: string, kex: boolean) => {
    const payload = sealPayload2(Buffer.from(buildEnvelope(PEER, ACCOUNT, text)));
    const step = ratchetEncrypt(remote, payload.keyMaterial);
    remote = step.state;
    const data = kex ? encodeKeyExchange({ ...started.kex, message: step.data }) : step.data;
    return { sid: 1, keys: [{ jid: ACCOUNT, rid: ctx.ownId, kex, data }], payload: payload.payload };
  };
  const opened = await decryptMessage2(ctx, PEER, message('hello', true), [ACCOUNT]);
  if (opened.kind !== 'message') throw new Error(`bench key exchange did not open: ${JSON.stringify(opened)}`);
  remote = ratchetDecrypt(remote, encryptFor2(ctx, PEER, 1, new Uint8Array(32)).data).state;
  const incoming = Array.from({ length: MESSAGES }, (_, i) => message(`incoming ${i}`, false));
  let t = performance.now();
  for (const element of incoming) {
    const result = await decryptMessage2(ctx, PEER, element, [ACCOUNT]);
    if (result.kind !== 'message') throw new Error(`bench message did not decrypt: ${JSON.stringify(result)}`);
  }
  const engineDecrypt = (performance.now() - t) / MESSAGES;
  let { alice, bob } = memoryPair();
  const floorIncoming = Array.from({ length: MESSAGES }, (_, i) => {
    const payload = sealPayload2(Buffer.from(`incoming ${i}`));
    const step = ratchetEncrypt(alice, payload.keyMaterial);
    alice = step.state;
    return { data: step.data, payload: payload.payload };
  });
  t = performance.now();
  for (const { data, payload } of floorIncoming) {
    const opened = ratchetDecrypt(bob, data);
    bob = opened.state;
    openPayload2(opened.plaintext, payload);
  }
  const floorDecrypt = (performance.now() - t) / MESSAGES;
  compare(`OMEMO 2 decrypt (mean of ${MESSAGES})`, 'ms', engineDecrypt, floorDecrypt);
  store.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchOmemo2(process.argv.includes('--quick'));
