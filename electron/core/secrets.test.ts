import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEncryptedSecretStore, type SecretCipher } from './secrets.ts';
import { openStore } from './store/index.ts';

/** Stands in for Electron's safeStorage: real AES-GCM with a key only this process knows. */
function aesCipher(): SecretCipher {
  const key = randomBytes(32);
  return {
    encrypt: (plain) => {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([c.update(plain, 'utf8'), c.final()]);
      return Buffer.concat([iv, c.getAuthTag(), body]);
    },
    decrypt: (data) => {
      const buf = Buffer.from(data);
      const d = createDecipheriv('aes-256-gcm', key, buf.subarray(0, 12));
      d.setAuthTag(buf.subarray(12, 28));
      return Buffer.concat([d.update(buf.subarray(28)), d.final()]).toString('utf8');
    },
  };
}

test('secrets reach the database file only as ciphertext, and read back intact', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'jd-secrets-')), 'db.sqlite');
  const store = openStore(path);
  const secrets = createEncryptedSecretStore(store.secrets, aesCipher());
  const password = 'correct horse battery staple ünïcødé';
  await secrets.set('password:a@b', password);
  assert.equal(await secrets.get('password:a@b'), password);
  store.db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
  store.close();
  const raw = readFileSync(path);
  assert.equal(raw.includes(Buffer.from('correct horse')), false, 'no plain text in the file');
  assert.equal(raw.includes(Buffer.from('password:a@b')), true, 'the row is there');
});
