// OMEMO 2 sessions per device, stored sealed: built from a bundle (we send OMEMOKeyExchange until the
// device answers, as python-omemo does) or from a key exchange we received (its ephemeral key is kept, so a
// repeated key exchange opens on the same session instead of consuming another pre-key).
import type { BareJid } from '../../../../../shared/model/jid.ts';
import type { OmemoContext } from '../omemoContext.ts';
import { edToCurve, rawCurve, sameBytes } from './crypto2.ts';
import { decodeKeyExchange, encodeKeyExchange } from './proto2.ts';
import { RatchetError, ratchetDecrypt, ratchetEncrypt, type RatchetState } from './ratchet2.ts';
import { type Bundle2, type OwnIdentity, startActive, startPassive } from './x3dh2.ts';

interface Session2 {
  state: RatchetState;
  /** Pending until the device answers: what each message is wrapped in. */
  kex?: { pkId: number; spkId: number; ik: string; ek: string } | undefined;
  /** The ephemeral key of the key exchange that built this session on our side. */
  passiveEk?: string | undefined;
}

/**
 * The session we send on, and the ones it replaced (newest first): when both sides start a session at the
 * same moment, each builds the other's and the messages cross; the one that decrypts becomes current again.
 */
interface SessionRecord2 extends Session2 {
  previous?: Session2[] | undefined;
}
const KEPT_SESSIONS = 2;

const sessionsOf = (record: SessionRecord2): Session2[] => [
  { state: record.state, kex: record.kex, passiveEk: record.passiveEk },
  ...(record.previous ?? []),
];
/** `sessions[index]` becomes current, the others follow it in their order. */
const promote = (sessions: Session2[], index: number, session: Session2): SessionRecord2 => ({
  ...session,
  previous: sessions.filter((_, i) => i !== index).slice(0, KEPT_SESSIONS),
});

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
  const sealed = ctx.repo.session(ctx.account, jid, device, 2);
  if (!sealed) return undefined;
  const kept = openedOf(ctx).get(`${jid} ${device}`);
  if (kept && Buffer.from(kept.sealed).equals(sealed)) return kept.record;
  const record = JSON.parse(Buffer.from(ctx.vault.open(sealed)).toString('utf8')) as SessionRecord2;
  openedOf(ctx).set(`${jid} ${device}`, { sealed, record });
  return record;
}
function save(ctx: OmemoContext, jid: BareJid, device: number, record: SessionRecord2): void {
  const sealed = ctx.vault.seal(Buffer.from(JSON.stringify(record), 'utf8'));
  ctx.repo.setSession(ctx.account, jid, device, sealed, 2);
  openedOf(ctx).set(`${jid} ${device}`, { sealed, record });
}

export function ownIdentity(ctx: OmemoContext): OwnIdentity {
  const row = ctx.repo.identity(ctx.account);
  if (!row) throw new Error('This account has no OMEMO identity yet');
  return { publicKey: row.publicKey, privateKey: ctx.vault.open(row.sealedPrivateKey) };
}

export const hasSession2 = (ctx: OmemoContext, jid: BareJid, device: number): boolean =>
  ctx.repo.session(ctx.account, jid, device, 2) !== undefined;

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
  const before = load(ctx, jid, device);
  const session = { state, kex: { ...kex, ik: b64(kex.ik), ek: b64(kex.ek) } };
  save(ctx, jid, device, before ? promote([session, ...sessionsOf(before)], 0, session) : session);
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

/** Tries the sessions in order; the one that decrypts becomes current. */
function decryptOn(sessions: Session2[], data: Uint8Array): { record: SessionRecord2; plaintext: Uint8Array } {
  let failure: unknown = new Error('there is no session with the sending device');
  let duplicate = false;
  for (const [index, session] of sessions.entries()) {
    try {
      const { state, plaintext } = ratchetDecrypt(session.state, data);
      return { record: promote(sessions, index, { ...session, state, kex: undefined }), plaintext };
    } catch (error) {
      duplicate ||= error instanceof RatchetError && error.duplicate;
      failure = error;
    }
  }
  if (duplicate) throw new Session2Error('duplicate', 'The message key was used already');
  throw new Session2Error('broken', failure instanceof Error ? failure.message : String(failure));
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
  const sessions = existing ? sessionsOf(existing) : [];
  if (!kex) {
    if (!existing) throw new Session2Error('no-session', 'there is no session with the sending device');
    const opened = decryptOn(sessions, data);
    save(ctx, jid, device, opened.record);
    return { plaintext: opened.plaintext, preKey: false };
  }
  const exchange = decodeKeyExchange(data);
  const built = sessions.findIndex((session) => session.passiveEk === b64(exchange.ek));
  if (built >= 0) {
    const opened = decryptOn(
      [sessions[built], ...sessions.filter((_, i) => i !== built)] as Session2[],
      exchange.message,
    );
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
  const opened = decryptOn([{ state, passiveEk: b64(exchange.ek) }], exchange.message);
  await noteIdentity(ctx, jid, device, exchange.ik);
  const session: Session2 = { state: opened.record.state, passiveEk: opened.record.passiveEk };
  save(ctx, jid, device, promote([session, ...sessions], 0, session));
  ctx.repo.consumePreKey(ctx.account, exchange.pkId);
  ctx.preKeyUsed();
  return { plaintext: opened.plaintext, preKey: true };
}
