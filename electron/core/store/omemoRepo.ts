// OMEMO rows as stored: private keys and session records arrive here already sealed (vault.ts).
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import { DEVICE_TRUSTS, type DeviceTrust } from '../../../shared/model/omemo.ts';
import { type Db, sql, transaction } from './db.ts';

export interface IdentityRow {
  deviceId: number;
  publicKey: Uint8Array;
  sealedPrivateKey: Uint8Array;
  nextPreKeyId: number;
}
export interface KeyRow {
  id: number;
  publicKey: Uint8Array;
  sealedPrivateKey: Uint8Array;
}
export interface SignedKeyRow extends KeyRow {
  signature: Uint8Array;
  /** OMEMO 2's signature (Ed25519 over the raw key); made later for keys older than OMEMO 2. */
  signature2?: Uint8Array | undefined;
  createdAt: number;
}

/** The device lists: legacy OMEMO's and OMEMO 2's. */
export type OmemoVersion = 1 | 2;
export interface DeviceRow {
  jid: BareJid;
  device: number;
  identityKey: Uint8Array | undefined;
  /** OMEMO 2's form of the identity (Ed25519), once seen in a v2 bundle or key exchange. */
  identityKey2: Uint8Array | undefined;
  trust: DeviceTrust;
  /** In either list. */
  active: boolean;
  /** In legacy OMEMO's list. */
  legacy: boolean;
  /** In OMEMO 2's list: messages to it use OMEMO 2. */
  v2: boolean;
  firstSeen: number;
  lastSeen: number | undefined;
}

interface RawDevice {
  jid: string;
  device: number;
  identity_key: Uint8Array | null;
  trust: string;
  active: number;
  active2: number;
  identity_key2: Uint8Array | null;
  first_seen: number;
  last_seen: number | null;
}
const deviceOf = (raw: RawDevice): DeviceRow => ({
  jid: raw.jid as BareJid,
  device: raw.device,
  identityKey: raw.identity_key ?? undefined,
  identityKey2: raw.identity_key2 ?? undefined,
  trust: DEVICE_TRUSTS.includes(raw.trust as DeviceTrust) ? (raw.trust as DeviceTrust) : 'unknown',
  active: raw.active === 1 || raw.active2 === 1,
  legacy: raw.active === 1,
  v2: raw.active2 === 1,
  firstSeen: raw.first_seen,
  lastSeen: raw.last_seen ?? undefined,
});
interface RawKey {
  id: number;
  public_key: Uint8Array;
  private_key: Uint8Array;
  signature?: Uint8Array;
  signature2?: Uint8Array | null;
  created_at?: number;
}
const keyOf = (raw: RawKey): KeyRow => ({ id: raw.id, publicKey: raw.public_key, sealedPrivateKey: raw.private_key });

const SESSIONS: Record<OmemoVersion, string> = { 1: 'omemo_sessions', 2: 'omemo2_sessions' };

export function createOmemoRepo(db: Db) {
  return {
    identity(account: AccountId): IdentityRow | undefined {
      const raw = sql(db, 'SELECT * FROM omemo_identity WHERE account = ?').get(account) as
        { device_id: number; public_key: Uint8Array; private_key: Uint8Array; next_pre_key_id: number } | undefined;
      return (
        raw && {
          deviceId: raw.device_id,
          publicKey: raw.public_key,
          sealedPrivateKey: raw.private_key,
          nextPreKeyId: raw.next_pre_key_id,
        }
      );
    },
    /** A new device: its identity, first signed pre-key and pre-keys in one transaction. */
    createIdentity(account: AccountId, identity: IdentityRow, signed: SignedKeyRow, preKeys: KeyRow[]): void {
      transaction(db, () => {
        sql(db, 'INSERT INTO omemo_identity VALUES (?, ?, ?, ?, ?, ?)').run(
          account,
          identity.deviceId,
          identity.publicKey,
          identity.sealedPrivateKey,
          identity.nextPreKeyId,
          Date.now(),
        );
        this.addSignedPreKey(account, signed);
        this.addPreKeys(account, preKeys, identity.nextPreKeyId);
      });
    },
    addPreKeys(account: AccountId, keys: KeyRow[], nextId: number): void {
      transaction(db, () => {
        const insert = sql(db, 'INSERT INTO omemo_pre_keys (account, id, public_key, private_key) VALUES (?, ?, ?, ?)');
        for (const key of keys) insert.run(account, key.id, key.publicKey, key.sealedPrivateKey);
        sql(db, 'UPDATE omemo_identity SET next_pre_key_id = ? WHERE account = ?').run(nextId, account);
      });
    },
    preKey(account: AccountId, id: number): KeyRow | undefined {
      const raw = sql(db, 'SELECT * FROM omemo_pre_keys WHERE account = ? AND id = ?').get(account, id) as
        RawKey | undefined;
      return raw && keyOf(raw);
    },
    /** Pre-keys still offered in the bundle. */
    livePreKeys(account: AccountId): KeyRow[] {
      return (
        sql(db, 'SELECT * FROM omemo_pre_keys WHERE account = ? AND consumed_at IS NULL ORDER BY id').all(
          account,
        ) as unknown as RawKey[]
      ).map(keyOf);
    },
    /** Used once: leaves the bundle now; its private key stays until the archive catch-up is over. */
    consumePreKey(account: AccountId, id: number): void {
      sql(db, 'UPDATE omemo_pre_keys SET consumed_at = ? WHERE account = ? AND id = ? AND consumed_at IS NULL').run(
        Date.now(),
        account,
        id,
      );
    },
    deleteConsumedPreKeys(account: AccountId): number {
      return Number(
        sql(db, 'DELETE FROM omemo_pre_keys WHERE account = ? AND consumed_at IS NOT NULL').run(account).changes,
      );
    },
    addSignedPreKey(account: AccountId, key: SignedKeyRow): void {
      sql(db, 'INSERT INTO omemo_signed_pre_keys VALUES (?, ?, ?, ?, ?, ?, ?)').run(
        account,
        key.id,
        key.publicKey,
        key.sealedPrivateKey,
        key.signature,
        key.createdAt,
        key.signature2 ?? null,
      );
    },
    setSignature2(account: AccountId, id: number, signature: Uint8Array): void {
      sql(db, 'UPDATE omemo_signed_pre_keys SET signature2 = ? WHERE account = ? AND id = ?').run(
        signature,
        account,
        id,
      );
    },
    signedPreKey(account: AccountId, id?: number): SignedKeyRow | undefined {
      const raw = (
        id === undefined
          ? sql(db, 'SELECT * FROM omemo_signed_pre_keys WHERE account = ? ORDER BY id DESC LIMIT 1').get(account)
          : sql(db, 'SELECT * FROM omemo_signed_pre_keys WHERE account = ? AND id = ?').get(account, id)
      ) as RawKey | undefined;
      return (
        raw && {
          ...keyOf(raw),
          signature: raw.signature ?? new Uint8Array(),
          signature2: raw.signature2 ?? undefined,
          createdAt: raw.created_at ?? 0,
        }
      );
    },
    /** Old signed pre-keys go once they are older than `before`, except the current one. */
    pruneSignedPreKeys(account: AccountId, before: number, keep: number): void {
      sql(db, 'DELETE FROM omemo_signed_pre_keys WHERE account = ? AND created_at < ? AND id <> ?').run(
        account,
        before,
        keep,
      );
    },
    /** A device's sealed session record: legacy OMEMO's (Signal library) or OMEMO 2's. */
    session(account: AccountId, jid: string, device: number, version: OmemoVersion = 1): Uint8Array | undefined {
      return (
        sql(db, `SELECT record FROM ${SESSIONS[version]} WHERE account = ? AND jid = ? AND device = ?`).get(
          account,
          jid,
          device,
        ) as { record: Uint8Array } | undefined
      )?.record;
    },
    setSession(account: AccountId, jid: string, device: number, sealed: Uint8Array, version: OmemoVersion = 1): void {
      sql(
        db,
        `INSERT INTO ${SESSIONS[version]} VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET record = excluded.record`,
      ).run(account, jid, device, sealed);
    },
    devices(account: AccountId, jid: BareJid): DeviceRow[] {
      return (
        sql(db, 'SELECT * FROM omemo_devices WHERE account = ? AND jid = ? ORDER BY first_seen, device').all(
          account,
          jid,
        ) as unknown as RawDevice[]
      ).map(deviceOf);
    },
    device(account: AccountId, jid: BareJid, device: number): DeviceRow | undefined {
      const raw = sql(db, 'SELECT * FROM omemo_devices WHERE account = ? AND jid = ? AND device = ?').get(
        account,
        jid,
        device,
      ) as RawDevice | undefined;
      return raw && deviceOf(raw);
    },
    /** A published device list (legacy or OMEMO 2): listed devices are in it (new ones added), the rest not. */
    setDeviceList(account: AccountId, jid: BareJid, ids: readonly number[], version: OmemoVersion = 1): number[] {
      const column = version === 2 ? 'active2' : 'active';
      return transaction(db, () => {
        const known = new Set(this.devices(account, jid).map((d) => d.device));
        sql(db, `UPDATE omemo_devices SET ${column} = 0 WHERE account = ? AND jid = ?`).run(account, jid);
        const activate = sql(
          db,
          `INSERT INTO omemo_devices (account, jid, device, first_seen, active, active2) VALUES (?, ?, ?, ?, ?, ?)
          ON CONFLICT DO UPDATE SET ${column} = 1`,
        );
        for (const id of ids) activate.run(account, jid, id, Date.now(), Number(version === 1), Number(version === 2));
        return ids.filter((id) => !known.has(id));
      });
    },
    setIdentityKey2(account: AccountId, jid: BareJid, device: number, key: Uint8Array): void {
      sql(db, 'UPDATE omemo_devices SET identity_key2 = ? WHERE account = ? AND jid = ? AND device = ?').run(
        key,
        account,
        jid,
        device,
      );
    },
    /** Records a device's identity key; a different key than before is a new identity and resets trust. */
    setIdentityKey(account: AccountId, jid: BareJid, device: number, key: Uint8Array, trust: DeviceTrust): void {
      sql(
        db,
        `INSERT INTO omemo_devices (account, jid, device, identity_key, trust, active, first_seen)
        VALUES (?, ?, ?, ?, ?, 0, ?)
        ON CONFLICT DO UPDATE SET identity_key = excluded.identity_key, trust = excluded.trust`,
      ).run(account, jid, device, key, trust, Date.now());
    },
    setTrust(account: AccountId, jid: BareJid, device: number, trust: DeviceTrust): void {
      sql(db, 'UPDATE omemo_devices SET trust = ? WHERE account = ? AND jid = ? AND device = ?').run(
        trust,
        account,
        jid,
        device,
      );
    },
    /** A message from the device was read now; written at most once a minute per device (not per message). */
    touchDevice(account: AccountId, jid: BareJid, device: number, now = Date.now()): void {
      sql(
        db,
        `UPDATE omemo_devices SET last_seen = ? WHERE account = ? AND jid = ? AND device = ?
        AND (last_seen IS NULL OR last_seen < ?)`,
      ).run(now, account, jid, device, now - 60_000);
    },
    chatEnabled(account: AccountId, peer: BareJid): boolean | undefined {
      const row = sql(db, 'SELECT enabled FROM omemo_chats WHERE account = ? AND peer = ?').get(account, peer) as
        { enabled: number } | undefined;
      return row ? row.enabled === 1 : undefined;
    },
    setChatEnabled(account: AccountId, peer: BareJid, enabled: boolean): void {
      sql(db, 'INSERT INTO omemo_chats VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET enabled = excluded.enabled').run(
        account,
        peer,
        Number(enabled),
      );
    },
  };
}
export type OmemoRepo = ReturnType<typeof createOmemoRepo>;
