// OMEMO 2 sessions per device, stored sealed: built from a bundle (we send OMEMOKeyExchange until the
// device answers, as python-omemo does) or from a key exchange we received (its ephemeral key is kept, so a
// repeated key exchange opens on the same session instead of consuming another pre-key).
import type { BareJid } from '../../../../../shared/model/jid.ts';
import type { OmemoContext } from '../omemoContext.ts';
import { curveToEd, edToCurve, rawCurve, sameBytes } from './crypto2.ts';
import { decodeKeyExchange, encodeKeyExchange } from './proto2.ts';
import { RatchetError, ratchetDecrypt, ratchetEncrypt, type RatchetState } from './ratchet2.ts';
import { type Bundle2, type OwnIdentity, startActive, startPassive } from './x3dh2.ts';

interface SessionRecord2 {
  state: RatchetState;
  /** Pending until the device answers: what each message is wrapped in. */
  kex?: { pkId: number; spkId: number; ik: string; ek: string } | undefined;
  /** The ephemeral key of the key exchange that built this session on our side. */
  passiveEk?: string | undefined;
}

export class Session2Error extends Error {
  readonly code: 'no-session' | 'old-pre-key' | 'duplicate' | 'broken';
  constructor(code: Session2Error['code'], message: string) {
    super(message);
    this.name = 'Session2Error';
    this.code = code;
  }
}

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const raw = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'base64'));

/**
 * The last record opened per device, kept beside the sealed bytes it came from: a record still stored as
 * those bytes is not opened and parsed again (one that changed in the store, or is gone, is read anew).
 */
type OpenedRecords = Map<string, { sealed: Uint8Array; record: SessionRecord2 }>;
const opened = new WeakMap<OmemoContext, OpenedRecords>();
function openedOf(ctx: OmemoContext): OpenedRecords {
  let map = opened.get(ctx);
  if (!map) {
    map = new Map() as OpenedRecords;
    opened.set(ctx, map);
  }
  return map;
}

function load(ctx: OmemoContext, jid: BareJid, device: number): SessionRecord2 | undefined {
  const sealed = ctx.repo.session2(ctx.account, jid, device);
  if (!sealed) return undefined;
  const kept = openedOf(ctx).get(`${jid} ${device}`);
  if (kept && Buffer.from(kept.sealed).equals(sealed)) return kept.record;
  const record = JSON.parse(Buffer.from(ctx.vault.open(sealed)).toString('utf8')) as SessionRecord2;
  openedOf(ctx).set(`${jid} ${device}`, { sealed, record });
  return record;
}
function save(ctx: OmemoContext, jid: BareJid, device: number, record: SessionRecord2): void {
  const sealed = ctx.vault.seal(Buffer.from(JSON.stringify(record), 'utf8'));
  ctx.repo.setSession2(ctx.account, jid, device, sealed);
  openedOf(ctx).set(`${jid} ${device}`, { sealed, record });
}

export function ownIdentity(ctx: OmemoContext): OwnIdentity {
  const row = ctx.repo.identity(ctx.account);
  if (!row) throw new Error('This account has no OMEMO identity yet');
  return { publicKey: row.publicKey, privateKey: ctx.vault.open(row.sealedPrivateKey) };
}

export const hasSession2 = (ctx: OmemoContext, jid: BareJid, device: number): boolean =>
  ctx.repo.session2(ctx.account, jid, device) !== undefined;

/** Records a device's Ed25519 identity; the shared (Curve25519) form decides trust for both versions. */
async function noteIdentity(ctx: OmemoContext, jid: BareJid, device: number, ik: Uint8Array): Promise<void> {
  const curve = Buffer.concat([Uint8Array.of(5), edToCurve(ik)]);
  await ctx.keys.saveIdentity(`${jid}.${device}`, new Uint8Array(curve).buffer);
  const known = ctx.repo.device(ctx.account, jid, device)?.identityKey2;
  if (!known || !sameBytes(known, ik)) ctx.repo.setIdentityKey2(ctx.account, jid, device, ik);
}

export async function buildSession2(ctx: OmemoContext, jid: BareJid, device: number, bundle: Bundle2): Promise<void> {
  await noteIdentity(ctx, jid, device, bundle.ik);
  const { state, kex } = startActive(ownIdentity(ctx), bundle);
  save(ctx, jid, device, { state, kex: { ...kex, ik: b64(kex.ik), ek: b64(kex.ek) } });
}

/** The key element for one device: an OMEMOKeyExchange while the session is unconfirmed. */
export function encryptFor2(
  ctx: OmemoContext,
  jid: BareJid,
  device: number,
  plaintext: Uint8Array,
): { kex: boolean; data: Uint8Array } {
  const record = load(ctx, jid, device);
  if (!record) throw new Session2Error('no-session', `No OMEMO 2 session with ${jid} ${device}`);
  const { state, data } = ratchetEncrypt(record.state, plaintext);
  save(ctx, jid, device, { ...record, state });
  if (!record.kex) return { kex: false, data };
  const { pkId, spkId, ik, ek } = record.kex;
  return { kex: true, data: encodeKeyExchange({ pkId, spkId, ik: raw(ik), ek: raw(ek), message: data }) };
}

function decryptOn(record: SessionRecord2, data: Uint8Array): { record: SessionRecord2; plaintext: Uint8Array } {
  try {
    const { state, plaintext } = ratchetDecrypt(record.state, data);
    return { record: { ...record, state, kex: undefined }, plaintext };
  } catch (error) {
    if (error instanceof RatchetError && error.duplicate) throw new Session2Error('duplicate', error.message);
    throw new Session2Error('broken', error instanceof Error ? error.message : String(error));
  }
}

/** Decrypts one key element; a key exchange builds the session (consuming our pre-key) unless it built this one. */
export async function decryptFrom2(
  ctx: OmemoContext,
  jid: BareJid,
  device: number,
  data: Uint8Array,
  kex: boolean,
): Promise<{ plaintext: Uint8Array; preKey: boolean }> {
  const existing = load(ctx, jid, device);
  if (!kex) {
    if (!existing) throw new Session2Error('no-session', 'there is no session with the sending device');
    const opened = decryptOn(existing, data);
    save(ctx, jid, device, opened.record);
    return { plaintext: opened.plaintext, preKey: false };
  }
  const exchange = decodeKeyExchange(data);
  if (existing?.passiveEk === b64(exchange.ek)) {
    const opened = decryptOn(existing, exchange.message);
    save(ctx, jid, device, opened.record);
    return { plaintext: opened.plaintext, preKey: false };
  }
  const spk = ctx.repo.signedPreKey(ctx.account, exchange.spkId);
  const pk = ctx.repo.preKey(ctx.account, exchange.pkId);
  if (!spk || !pk) throw new Session2Error('old-pre-key', 'it was encrypted for a pre-key this device no longer has');
  const own = ownIdentity(ctx);
  const state = startPassive(
    own,
    { publicKey: rawCurve(spk.publicKey), privateKey: ctx.vault.open(spk.sealedPrivateKey) },
    { privateKey: ctx.vault.open(pk.sealedPrivateKey) },
    { ik: exchange.ik, ek: exchange.ek },
  );
  const opened = decryptOn({ state, passiveEk: b64(exchange.ek) }, exchange.message);
  await noteIdentity(ctx, jid, device, exchange.ik);
  save(ctx, jid, device, opened.record);
  ctx.repo.consumePreKey(ctx.account, exchange.pkId);
  ctx.preKeyUsed();
  return { plaintext: opened.plaintext, preKey: true };
}

/** Our identity as OMEMO 2 publishes it. */
export const ownEd = (ctx: OmemoContext): Uint8Array => curveToEd(ownIdentity(ctx).publicKey);
