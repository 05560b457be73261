import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { memoryDevice as device } from './memoryDevice.ts';
import { buildSession, decryptFrom, encryptFor, formatFingerprint, hasSession } from './signal.ts';

const text = (bytes: Uint8Array): string => new TextDecoder().decode(bytes);
const bytes = (value: string): Uint8Array => new TextEncoder().encode(value);

test('a session built from a bundle: the pre-key message decrypts once and consumes its one-time pre-key', async () => {
  const [alice, bob] = [await device(), await device()];
  const bundle = await bob.bundle();
  await buildSession(alice, 'bob@x', 2, bundle);
  assert.ok(await hasSession(alice, 'bob@x', 2));
  const first = await encryptFor(alice, 'bob@x', 2, bytes('key material 1'));
  assert.equal(first.preKey, true);
  assert.equal(text(await decryptFrom(bob, 'alice@x', 1, first.data, true)), 'key material 1');
  assert.ok(!bob.preKeyIds().includes(bundle.preKey.id), 'the used pre-key is gone (the caller publishes a new one)');
  await assert.rejects(
    decryptFrom(bob, 'alice@x', 1, first.data, true),
    'a replayed pre-key message does not decrypt again',
  );

  // Until Bob answers, Alice keeps sending pre-key messages; after his answer, normal ones.
  assert.equal((await encryptFor(alice, 'bob@x', 2, bytes('again'))).preKey, true);
  const answer = await encryptFor(bob, 'alice@x', 1, bytes('reply'));
  assert.equal(answer.preKey, false);
  assert.equal(text(await decryptFrom(alice, 'bob@x', 2, answer.data, false)), 'reply');
  assert.equal((await encryptFor(alice, 'bob@x', 2, bytes('normal'))).preKey, false);
});

test('session records stay bounded over many ratchet steps, and pruned sessions keep working out of order', async () => {
  const [alice, bob] = [await device(), await device()];
  await buildSession(alice, 'bob@x', 2, await bob.bundle());
  const opener = await encryptFor(alice, 'bob@x', 2, bytes('hi'));
  await decryptFrom(bob, 'alice@x', 1, opener.data, true);
  for (let turn = 0; turn < 40; turn++) {
    await decryptFrom(alice, 'bob@x', 2, (await encryptFor(bob, 'alice@x', 1, bytes(`b${turn}`))).data, false);
    await decryptFrom(bob, 'alice@x', 1, (await encryptFor(alice, 'bob@x', 2, bytes(`a${turn}`))).data, false);
  }
  const record = JSON.parse(alice.sessions.get('bob@x.2') ?? '{}') as { sessions: Record<string, { chains: object }> };
  const chains = Object.values(record.sessions).map((s) => Object.keys(s.chains).length);
  assert.ok(
    chains.every((n) => n <= 12),
    `chains kept per session: ${chains.join(', ')} (the library alone keeps one per step)`,
  );
  assert.ok((alice.sessions.get('bob@x.2') ?? '').length < 6000);

  const late = [await encryptFor(bob, 'alice@x', 1, bytes('one')), await encryptFor(bob, 'alice@x', 1, bytes('two'))];
  assert.equal(text(await decryptFrom(alice, 'bob@x', 2, late[1]?.data ?? new Uint8Array(), false)), 'two');
  assert.equal(
    text(await decryptFrom(alice, 'bob@x', 2, late[0]?.data ?? new Uint8Array(), false)),
    'one',
    'a skipped message still decrypts',
  );
});

/** In a fresh process (this one has loaded the library already): handlers and modules after a first identity. */
function freshLoad(preload: string): { mine: boolean; same: boolean; curveModuleLoaded: boolean } {
  const script = `
    ${preload}
    const mine = () => undefined;
    process.on('unhandledRejection', mine);
    const before = { r: process.listeners('unhandledRejection').length, e: process.listeners('uncaughtException').length };
    const { generateIdentity } = await import(${JSON.stringify(new URL('./signal.ts', import.meta.url).href)});
    await generateIdentity();
    Promise.reject(new Error('handled by the app, not an abort'));
    await new Promise((r) => setTimeout(r, 50));
    const after = { r: process.listeners('unhandledRejection').length, e: process.listeners('uncaughtException').length };
    const { default: { _cache } } = await import('node:module');
    console.log(JSON.stringify({ mine: process.listeners('unhandledRejection').includes(mine),
      same: JSON.stringify(after) === JSON.stringify(before),
      curveModuleLoaded: Object.keys(_cache).some((path) => path.endsWith('curveasm.js')) }));`;
  const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out.trim()) as { mine: boolean; same: boolean; curveModuleLoaded: boolean };
}

test("the library's heavy curve module is never loaded, and the process's own failure handlers stay as they were", () => {
  const fresh = freshLoad('');
  assert.deepEqual(fresh, { mine: true, same: true, curveModuleLoaded: false });
  // Loaded before (as the benchmark loads it, its handlers taken back): the library finds it and still works.
  const preloaded = freshLoad(`
    const { withoutProcessHandlers } = await import(${JSON.stringify(new URL('./signal.ts', import.meta.url).href)});
    await withoutProcessHandlers(async () => {
      const { AsyncCurve25519Wrapper } = await import('@privacyresearch/curve25519-typescript');
      await new AsyncCurve25519Wrapper().keyPair(new ArrayBuffer(32));
    });`);
  assert.deepEqual(preloaded, { mine: true, same: true, curveModuleLoaded: true });
});

test('fingerprints read as OMEMO shows them: 64 hex digits in groups of 8, without the key type byte', () => {
  const key = Uint8Array.from([0x05, ...Array.from({ length: 32 }, (_, i) => i)]);
  assert.equal(formatFingerprint(key), '00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617 18191a1b 1c1d1e1f');
});

test('both sides start a session at once: every later message still decrypts (a failed try on one session does not damage it)', async () => {
  const [alice, bob] = [await device(), await device()];
  await buildSession(alice, 'bob@x', 2, await bob.bundle());
  await buildSession(bob, 'alice@x', 1, await alice.bundle());
  const fromAlice = await encryptFor(alice, 'bob@x', 2, bytes('a0'));
  const fromBob = await encryptFor(bob, 'alice@x', 1, bytes('b0'));
  assert.equal(text(await decryptFrom(bob, 'alice@x', 1, fromAlice.data, fromAlice.preKey)), 'a0');
  assert.equal(text(await decryptFrom(alice, 'bob@x', 2, fromBob.data, fromBob.preKey)), 'b0');
  for (let i = 1; i <= 15; i++) {
    const a = await encryptFor(alice, 'bob@x', 2, bytes(`a${i}`));
    const b = await encryptFor(bob, 'alice@x', 1, bytes(`b${i}`));
    assert.equal(text(await decryptFrom(bob, 'alice@x', 1, a.data, a.preKey)), `a${i}`);
    assert.equal(text(await decryptFrom(alice, 'bob@x', 2, b.data, b.preKey)), `b${i}`);
  }
});
