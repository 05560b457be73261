import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createCore, createMemorySecretStore, createPlatformSecretStore } from '../core/index.ts';
import { type SafeStorageLike, safeStorageCipher, secretProtection } from './secrets.ts';

/** safeStorage as Electron shapes it, with the backend a test names. */
function fakeSafeStorage(
  available: boolean,
  backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']>,
): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (plain) => Buffer.from([...Buffer.from(plain, 'utf8')].map((b) => b ^ 0x5a)),
    decryptString: (cipher) => Buffer.from([...cipher].map((b) => b ^ 0x5a)).toString('utf8'),
  };
}

test('the protection is named for what it is: keychain, basic_text (weak), or none', () => {
  assert.equal(secretProtection(fakeSafeStorage(true, 'gnome_libsecret'), 'linux'), 'keychain');
  assert.equal(secretProtection(fakeSafeStorage(true, 'basic_text'), 'linux'), 'weak');
  assert.equal(secretProtection(fakeSafeStorage(false, 'unknown'), 'linux'), 'none');
  assert.equal(secretProtection(fakeSafeStorage(true, 'unknown'), 'darwin'), 'keychain');
  assert.equal(safeStorageCipher(fakeSafeStorage(false, 'unknown')), undefined, 'no throw at start-up');
});

test('a weak keychain: passwords kept only while the user wants; no keychain: nothing written, asked at each start', async () => {
  const core = createCore({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  const { store } = core;
  const safe = fakeSafeStorage(true, 'basic_text');
  const secrets = createPlatformSecretStore(store.secrets, store.meta, safeStorageCipher(safe), 'weak');
  assert.deepEqual(secrets.status?.(), { protection: 'weak', rememberPasswords: true });
  await secrets.set('password:a@x', 'hunter2');
  await secrets.set('certificate-pin:a@x', 'AB:CD');
  assert.ok(store.secrets.get('password:a@x'));
  assert.ok(!Buffer.from(store.secrets.get('password:a@x') ?? []).includes('hunter2'));

  await secrets.setRememberPasswords?.(false);
  assert.equal(store.secrets.get('password:a@x'), undefined, 'forgotten on disk');
  assert.equal(await secrets.get('password:a@x'), 'hunter2', 'still there for this session');
  await secrets.set('password:a@x', 'new-one');
  assert.equal(store.secrets.get('password:a@x'), undefined);
  const restarted = createPlatformSecretStore(store.secrets, store.meta, safeStorageCipher(safe), 'weak');
  assert.deepEqual(restarted.status?.(), { protection: 'weak', rememberPasswords: false });
  assert.equal(await restarted.get('password:a@x'), undefined, 'asked again at the next start');
  assert.equal(await restarted.get('certificate-pin:a@x'), 'AB:CD', 'other secrets stay');

  const none = createPlatformSecretStore(store.secrets, store.meta, undefined, 'none');
  await none.set('password:b@x', 'pw');
  assert.equal(await none.get('password:b@x'), 'pw');
  assert.equal(store.secrets.get('password:b@x'), undefined, 'nothing written without encryption');
  assert.deepEqual(none.status?.(), { protection: 'none', rememberPasswords: false });
  await core.close();
});
