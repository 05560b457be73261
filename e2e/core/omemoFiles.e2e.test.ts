import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { parseEncryptedFileUrl } from '../../shared/model/file.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, startEngine } from '../helpers/accounts.ts';
import { knowsPgpKeys } from '../helpers/openpgp.ts';
import { downloadBytes, invoke, sha256, uploadBytes } from '../helpers/files.ts';
import { omemoDevice } from '../helpers/omemo.ts';
import { makePng } from '../helpers/png.ts';
import { eventually, waitForEvent } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody({ uploadSizeLimit: 10 * 1024 * 1024 });
});
after(async () => {
  await server.stop();
});

test('an encrypted chat shares files encrypted (XEP-0454): the server holds ciphertext, the peer decrypts the same bytes, a wrong key is refused', async () => {
  const [romeoUser, julietUser] = [await newUser(server, 'romeo'), await newUser(server, 'juliet')];
  const romeo = await omemoDevice(server, romeoUser, 'laptop');
  const juliet = await omemoDevice(server, julietUser, 'laptop');
  await befriend(romeo, juliet, { name: 'Juliet' }, { name: 'Romeo' });
  const picture = makePng(64, 48);
  const secret = Buffer.concat([picture, randomBytes(300_000)]);

  const sent = await uploadBytes(romeo.core, romeo.account, julietUser.jid, 'balcony.png', secret, 'image/png');
  assert.equal(sent.encryption?.protocol, 'omemo');
  assert.match(sent.body, /^aesgcm:\/\/.+\/balcony\.png#[0-9a-f]{88}$/u);
  assert.equal(sent.oobUrl, undefined, 'no plain link beside the encrypted message');
  const got = await eventually(
    () => juliet.inbox.find((m) => m.body.startsWith('aesgcm://')),
    'juliet to decrypt the link',
  );
  assert.equal(got?.body, sent.body);
  assert.equal(got?.oobUrl, undefined);

  const parts = parseEncryptedFileUrl(sent.body);
  assert.ok(parts);
  const stored = await invoke(juliet.core, 'files.probe', { account: juliet.account, url: sent.body });
  assert.equal(stored.size, secret.length, "the size shown is the file's, without the tag");
  const downloaded = await downloadBytes(juliet.core, juliet.account, sent.body);
  assert.equal(downloaded.sha256, sha256(secret), 'the same bytes after decryption');
  assert.equal(downloaded.type, 'image/png');
  assert.equal(downloaded.name, 'balcony.png');

  // What the server keeps is ciphertext plus the tag.
  const raw = await downloadBytes(juliet.core, juliet.account, parts.httpsUrl);
  assert.equal(raw.bytes.length, secret.length + 16);
  assert.ok(!raw.bytes.includes(picture.subarray(0, 64)), 'the server never saw the picture');

  const wrongKey = sent.body.replace(/[0-9a-f]$/u, (d) => (d === '0' ? '1' : '0'));
  await assert.rejects(downloadBytes(juliet.core, juliet.account, wrongKey), /does not match its key/);
  await Promise.all([romeo.close(), juliet.close()]);
});

test('an OpenPGP chat shares files the same way: the aesgcm:// link travels inside the signed and encrypted payload', async () => {
  const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
  const [alice, bob] = [await startEngine(server, aliceUser), await startEngine(server, bobUser)];
  try {
    await befriend(alice, bob, { name: 'Bob' }, { name: 'Alice' });
    await knowsPgpKeys(alice, bobUser.jid);
    await alice.core.commands['encryption.choose']({ account: alice.account, peer: bobUser.jid, protocol: 'openpgp' });
    const secret = Buffer.concat([makePng(32, 32), randomBytes(50_000)]);
    const arrived = waitForEvent(bob.core, 'message.added', (m) => m.body.startsWith('aesgcm://'));
    const sent = await uploadBytes(alice.core, alice.account, bobUser.jid, 'plan.png', secret, 'image/png');
    assert.equal(sent.encryption?.protocol, 'openpgp');
    assert.match(sent.body, /^aesgcm:\/\/.+\/plan\.png#[0-9a-f]{88}$/u);
    const got = await arrived;
    assert.equal(got.encryption?.protocol, 'openpgp');
    assert.equal(got.body, sent.body);
    const downloaded = await downloadBytes(bob.core, bob.account, got.body);
    assert.equal(downloaded.sha256, sha256(secret), 'the same bytes after decryption');
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});
