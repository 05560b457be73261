// In an encrypted (members-only, non-anonymous) room: private messages between occupants are encrypted for
// the occupant's real account, and files shared in the room or privately are encrypted (XEP-0454).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser } from '../helpers/accounts.ts';
import { downloadBytes, sha256, uploadBytes } from '../helpers/files.ts';
import { omemoDevice, privateRoom } from '../helpers/omemo.ts';
import { makePng } from '../helpers/png.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('an encrypted room: private messages go encrypted to the occupant, files in the room and in private are encrypted', async () => {
  const [aliceUser, bobUser] = [await newUser(server, 'alice'), await newUser(server, 'bob')];
  const [alice, bob] = [await omemoDevice(server, aliceUser, 'a'), await omemoDevice(server, bobUser, 'b')];
  // What reaches Bob's device, as it came off the wire.
  const wire: string[] = [];
  await bob.core.commands['console.open']({ account: bob.account });
  bob.core.events.on('console.entry', ({ entry }) => {
    if (entry.dir === 'in' && entry.xml.startsWith('<message') && entry.xml.includes('<body')) wire.push(entry.xml);
  });
  try {
    const room = await privateRoom(alice, 'Alice', [{ engine: bob, nick: 'Bob' }]);
    assert.equal(await alice.core.runtime(alice.account).modules.muc.encryptedFor(room, 'Bob'), true);

    const pm = await alice.core.commands['muc.sendPrivate']({
      account: alice.account,
      room,
      nick: 'Bob',
      body: 'just between us',
    });
    assert.equal(pm.encryption?.protocol, 'omemo');
    const atBob = await eventually(
      () => bob.inbox.find((m) => m.peer === `${room}/Alice` && m.body === 'just between us'),
      'bob to decrypt the private message',
    );
    assert.equal(atBob?.encryption?.jid, aliceUser.jid, "decrypted as Alice's account");
    assert.equal(atBob?.encryption?.error, undefined);
    await bob.core.commands['muc.sendPrivate']({ account: bob.account, room, nick: 'Alice', body: 'agreed' });
    await eventually(
      () => alice.inbox.find((m) => m.peer === `${room}/Bob` && m.body === 'agreed'),
      'alice to decrypt the answer',
    );

    const picture = makePng(40, 30);
    const secret = Buffer.concat([picture, randomBytes(100_000)]);
    const inRoom = await uploadBytes(alice.core, alice.account, room, 'team.png', secret, 'image/png');
    assert.match(inRoom.body, /^aesgcm:\/\/.+\/team\.png#[0-9a-f]{88}$/u, 'the room gets an encrypted file');
    assert.equal(inRoom.oobUrl, undefined);
    const roomCopy = await eventually(
      () => bob.inbox.find((m) => m.peer === room && m.body === inRoom.body),
      'bob to decrypt the room link',
    );
    assert.equal(roomCopy?.oobUrl, undefined);
    assert.equal((await downloadBytes(bob.core, bob.account, inRoom.body)).sha256, sha256(secret));

    const toBob = `${room}/Bob` as BareJid;
    const privately = await uploadBytes(alice.core, alice.account, toBob, 'note.png', secret, 'image/png');
    assert.match(privately.body, /^aesgcm:\/\//u, 'a private file is encrypted too');
    await eventually(
      () => bob.inbox.find((m) => m.peer === `${room}/Alice` && m.body === privately.body),
      'bob to decrypt the private link',
    );
    assert.equal((await downloadBytes(bob.core, bob.account, privately.body)).sha256, sha256(secret));

    assert.ok(wire.length >= 3, 'the private message and both links reached Bob');
    for (const text of wire) {
      assert.ok(!text.includes('just between us'), 'no private text on the wire');
      assert.ok(!text.includes(inRoom.body.split('#')[1] ?? '-'), 'no file key on the wire');
      assert.ok(!text.includes(privately.body.split('#')[1] ?? '-'), 'no file key on the wire');
      assert.ok(!text.includes('jabber:x:oob'), 'no plain file link');
    }
  } finally {
    await Promise.all([alice.close(), bob.close()]);
  }
});
