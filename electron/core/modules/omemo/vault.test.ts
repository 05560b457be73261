import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMemorySecretStore } from '../../secrets.ts';
import { openVault, VaultError } from './vault.ts';

test('sealed keys open with the same platform key only, and tampering is caught', async () => {
  const secrets = createMemorySecretStore();
  const vault = await openVault(secrets);
  const secret = Uint8Array.from({ length: 32 }, (_, i) => i);
  const sealed = vault.seal(secret);
  assert.ok(!Buffer.from(sealed).includes(Buffer.from(secret)), 'the plain key does not appear in what is stored');
  assert.deepEqual([...(await openVault(secrets)).open(sealed)], [...secret]);
  const other = await openVault(createMemorySecretStore());
  assert.throws(() => other.open(sealed), VaultError);
  const tampered = Uint8Array.from(sealed);
  tampered[40] = (tampered[40] ?? 0) ^ 1;
  assert.throws(() => vault.open(tampered), VaultError);
});
