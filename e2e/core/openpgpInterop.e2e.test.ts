// OpenPGP against an independent implementation: what we sign and encrypt, Debian's GnuPG decrypts and
// verifies; what GnuPG signs and encrypts in XEP-0374's shape, we open and verify; a key GnuPG made is
// read as a contact's; a forged or foreign signature is reported, not trusted.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readKey } from 'openpgp';
import {
  decryptAndVerify,
  fingerprintOf,
  generateOwnKey,
  importPrivateKey,
  newBackupCode,
  openBackup,
  PgpError,
  readContactKey,
  sealBackup,
  signAndEncrypt,
} from '../../electron/core/modules/openpgp/pgpCrypto.ts';
import { buildSigncrypt, parseSigncrypt, readContent } from '../../electron/core/modules/openpgp/ox.xml.ts';
import {
  decryptLegacy,
  encryptLegacy,
  signatureKeyIds,
  signStatus,
  stripArmor,
  verifyStatus,
  wrapArmor,
} from '../../electron/core/modules/openpgp/pgpLegacy.ts';
import { randomBytes } from 'node:crypto';
import { type GnuPg, startGnuPg } from '../helpers/gnupg.ts';

let gpg: GnuPg;
before(async () => {
  gpg = await startGnuPg();
});
after(async () => {
  await gpg.close();
});

test('GnuPG decrypts what we sign and encrypt, and verifies our signature', async () => {
  const ours = await generateOwnKey('alice@example.org');
  const theirFingerprint = await gpg.generate('bob@example.org');
  const theirs = await readContactKey(await gpg.exportPublic(theirFingerprint), 'bob@example.org', theirFingerprint);
  await gpg.importKey(ours.toPublic().write());
  const plain = buildSigncrypt(['bob@example.org'], new Date(), 'grüße aus dem Süden');
  const sealed = await signAndEncrypt(new TextEncoder().encode(plain), [theirs], ours);
  const opened = await gpg.decryptVerify(sealed);
  assert.equal(opened.plain, plain);
  assert.equal(opened.validSigner, fingerprintOf(ours));
  assert.deepEqual(parseSigncrypt(readContent(opened.plain))?.body, 'grüße aus dem Süden');
});

test('we open and verify what GnuPG signs and encrypts to us, in the <signcrypt> shape Gajim sends', async () => {
  const ours = await generateOwnKey('alice@example.org');
  await gpg.importKey(ours.toPublic().write());
  const carol = await gpg.generate('carol@example.org');
  const carolKey = await readContactKey(await gpg.exportPublic(carol), 'carol@example.org');
  const content =
    "<signcrypt xmlns='urn:xmpp:openpgp:0'><to jid='alice@example.org'/><time stamp='2026-11-30T10:00:00Z'/>" +
    "<rpad>abcdefghijklmnopqrstuvwxyzABCDEFGH</rpad><payload><body xmlns='jabber:client'>from gpg</body>" +
    "<active xmlns='http://jabber.org/protocol/chatstates'/></payload></signcrypt>";
  const sealed = await gpg.signEncrypt(content, carol, [fingerprintOf(ours)]);
  const { plain, signature } = await decryptAndVerify(sealed, [ours], [carolKey]);
  assert.deepEqual(signature, { status: 'valid', fingerprint: carol });
  const opened = parseSigncrypt(readContent(new TextDecoder().decode(plain)));
  assert.deepEqual(opened && { to: opened.to, time: opened.time, body: opened.body }, {
    to: ['alice@example.org'],
    time: Date.parse('2026-11-30T10:00:00Z'),
    body: 'from gpg',
  });
  assert.ok(
    opened?.payload?.getChild('active', 'http://jabber.org/protocol/chatstates'),
    'the rest of the payload kept',
  );

  // The same message checked against someone else's key: not passed off as valid.
  const mallory = await readContactKey(
    await gpg.exportPublic(await gpg.generate('mallory@example.org')),
    'mallory@example.org',
  );
  const foreign = await decryptAndVerify(sealed, [ours], [mallory]);
  assert.equal(foreign.signature.status, 'unknown-key');
});

test('a key is refused for a JID its user ID does not name, and for a fingerprint it was not listed under', async () => {
  const dave = await gpg.generate('dave@example.org');
  const bytes = await gpg.exportPublic(dave);
  await assert.rejects(
    readContactKey(bytes, 'eve@example.org'),
    (e) => e instanceof PgpError && e.code === 'wrong-user-id',
  );
  await assert.rejects(
    readContactKey(bytes, 'dave@example.org', '0'.repeat(40)),
    (e) => e instanceof PgpError && e.code === 'bad-key',
  );
  await assert.rejects(
    readContactKey(randomBytes(200), 'dave@example.org'),
    (e) => e instanceof PgpError && e.code === 'bad-key',
  );
});

test('a secret-key backup opens with its code only, used verbatim; an imported key gets our user ID and keeps its fingerprint', async () => {
  const ours = await generateOwnKey('alice@example.org');
  const code = newBackupCode((n) => randomBytes(n));
  assert.match(code, /^([A-NP-Z1-9]{4}-){5}[A-NP-Z1-9]{4}$/u);
  const backup = await sealBackup(ours, code);
  const [restored] = await openBackup(backup, code);
  assert.equal(restored && fingerprintOf(restored), fingerprintOf(ours));
  await assert.rejects(
    openBackup(backup, code.toLowerCase()),
    (e) => e instanceof PgpError && e.code === 'bad-backup-code',
  );

  const other = await generateOwnKey('someone-else@example.org');
  const imported = await importPrivateKey(other.armor(), '', 'alice@example.org');
  assert.equal(fingerprintOf(imported), fingerprintOf(other));
  assert.deepEqual(imported.getUserIDs(), ['xmpp:alice@example.org']);
  assert.ok(await readKey({ binaryKey: imported.toPublic().write() }));
});

test('XEP-0027 with GnuPG: its stripped armor opens here, ours opens in GnuPG; signed presence both ways', async () => {
  const ours = await generateOwnKey('alice@example.org');
  await gpg.importKey(ours.toPublic().write());
  const dino = await gpg.generate('dino@example.org');
  const dinoKey = await readContactKey(await gpg.exportPublic(dino), 'dino@example.org');

  const fromGpg = stripArmor(await gpg.encryptArmored('legacy hello', [fingerprintOf(ours)]));
  assert.ok(!fromGpg.includes('BEGIN PGP'), 'sent without its armor lines, as Dino does');
  assert.equal(await decryptLegacy(fromGpg, ours), 'legacy hello');

  const toGpg = await encryptLegacy('legacy answer', [dinoKey], ours);
  assert.equal(await gpg.decryptArmored(wrapArmor('MESSAGE', toGpg)), 'legacy answer');

  const status = 'at work';
  const presenceSignature = stripArmor(await gpg.detachSign(status, dino));
  assert.deepEqual(
    (await signatureKeyIds(presenceSignature)).length,
    1,
    'the signing key is named before anything is verified',
  );
  assert.equal((await verifyStatus(status, presenceSignature, [dinoKey])) && fingerprintOf(dinoKey), dino);
  assert.equal(await verifyStatus('another status', presenceSignature, [dinoKey]), undefined, 'bound to the status');

  const ourSignature = await signStatus(status, ours);
  assert.equal(await gpg.verifyDetached(status, wrapArmor('SIGNATURE', ourSignature)), fingerprintOf(ours));
});
