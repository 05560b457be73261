import type { Migration } from './index.ts';

/**
 * OMEMO 2 (urn:xmpp:omemo:2) beside legacy OMEMO, one identity and device id for both: which list each
 * device is in (`active` stays the legacy list), its Ed25519 identity as OMEMO 2 shows it, the v2 signature
 * of our signed pre-keys (the pre-keys themselves are shared), and the v2 sessions (sealed JSON).
 */
export const omemo2: Migration = {
  version: 18,
  name: 'omemo 2',
  up(db) {
    db.exec(`
      ALTER TABLE omemo_devices ADD COLUMN active2 INTEGER NOT NULL DEFAULT 0;
      ALTER TABLE omemo_devices ADD COLUMN identity_key2 BLOB;
      ALTER TABLE omemo_signed_pre_keys ADD COLUMN signature2 BLOB;
      CREATE TABLE omemo2_sessions (
        account TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        jid TEXT NOT NULL,
        device INTEGER NOT NULL,
        record BLOB NOT NULL,
        PRIMARY KEY (account, jid, device)
      );
    `);
  },
};
