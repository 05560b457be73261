// OpenPGP keys: ours (sealed), contacts' with their trust, and each chat's chosen encryption.
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import { CHAT_PROTOCOLS, type ChatProtocol, type KeyTrust } from '../../../shared/model/openpgp.ts';
import { type Db, sql } from './db.ts';

export interface StoredKey {
  jid: BareJid;
  fingerprint: string;
  publicKey: Uint8Array;
  trust: KeyTrust;
  active: boolean;
  firstSeen: number;
}

interface KeyRow {
  jid: string;
  fingerprint: string;
  public_key: Uint8Array;
  trust: string;
  active: number;
  first_seen: number;
}

const TRUSTS: readonly KeyTrust[] = ['undecided', 'blind', 'verified', 'distrusted'];
const toKey = (row: KeyRow): StoredKey => ({
  jid: row.jid as BareJid,
  fingerprint: row.fingerprint,
  publicKey: new Uint8Array(row.public_key),
  trust: TRUSTS.includes(row.trust as KeyTrust) ? (row.trust as KeyTrust) : 'undecided',
  active: row.active === 1,
  firstSeen: row.first_seen,
});

export function createOpenPgpRepo(db: Db) {
  return {
    own(account: AccountId): { fingerprint: string; sealedKey: Uint8Array } | undefined {
      const row = sql(db, 'SELECT fingerprint, sealed_key FROM openpgp_own WHERE account = ?').get(account) as
        { fingerprint: string; sealed_key: Uint8Array } | undefined;
      return row ? { fingerprint: row.fingerprint, sealedKey: new Uint8Array(row.sealed_key) } : undefined;
    },
    setOwn(account: AccountId, fingerprint: string, sealedKey: Uint8Array): void {
      sql(
        db,
        `INSERT INTO openpgp_own VALUES (?, ?, ?, ?)
         ON CONFLICT DO UPDATE SET fingerprint = excluded.fingerprint, sealed_key = excluded.sealed_key, created_at = excluded.created_at`,
      ).run(account, fingerprint, sealedKey, Date.now());
    },
    keys(account: AccountId, jid: BareJid): StoredKey[] {
      const rows = sql(db, 'SELECT * FROM openpgp_keys WHERE account = ? AND jid = ? ORDER BY first_seen').all(
        account,
        jid,
      ) as unknown as KeyRow[];
      return rows.map(toKey);
    },
    key(account: AccountId, jid: BareJid, fingerprint: string): StoredKey | undefined {
      const row = sql(db, 'SELECT * FROM openpgp_keys WHERE account = ? AND jid = ? AND fingerprint = ?').get(
        account,
        jid,
        fingerprint,
      ) as KeyRow | undefined;
      return row ? toKey(row) : undefined;
    },
    /** A key seen for the first time gets `trust`; a known one keeps its trust and becomes active again. */
    putKey(account: AccountId, jid: BareJid, fingerprint: string, publicKey: Uint8Array, trust: KeyTrust): void {
      sql(
        db,
        `INSERT INTO openpgp_keys VALUES (?, ?, ?, ?, ?, 1, ?)
         ON CONFLICT DO UPDATE SET public_key = excluded.public_key, active = 1`,
      ).run(account, jid, fingerprint, publicKey, trust, Date.now());
    },
    /** Keys no longer announced stay known (old messages verify) but are not encrypted to. */
    setAnnounced(account: AccountId, jid: BareJid, fingerprints: readonly string[]): void {
      for (const key of this.keys(account, jid))
        sql(db, 'UPDATE openpgp_keys SET active = ? WHERE account = ? AND jid = ? AND fingerprint = ?').run(
          Number(fingerprints.includes(key.fingerprint)),
          account,
          jid,
          key.fingerprint,
        );
    },
    setTrust(account: AccountId, jid: BareJid, fingerprint: string, trust: KeyTrust): void {
      sql(db, 'UPDATE openpgp_keys SET trust = ? WHERE account = ? AND jid = ? AND fingerprint = ?').run(
        trust,
        account,
        jid,
        fingerprint,
      );
    },
    choice(account: AccountId, peer: BareJid): ChatProtocol | undefined {
      const row = sql(db, 'SELECT protocol FROM chat_encryption WHERE account = ? AND peer = ?').get(account, peer) as
        { protocol: string } | undefined;
      return row && (CHAT_PROTOCOLS as readonly string[]).includes(row.protocol)
        ? (row.protocol as ChatProtocol)
        : undefined;
    },
    setChoice(account: AccountId, peer: BareJid, protocol: ChatProtocol): void {
      sql(
        db,
        'INSERT INTO chat_encryption VALUES (?, ?, ?) ON CONFLICT DO UPDATE SET protocol = excluded.protocol',
      ).run(account, peer, protocol);
    },
  };
}
