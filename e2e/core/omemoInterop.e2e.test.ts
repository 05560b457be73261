// Interoperability with an independent OMEMO implementation: python3-omemo + python3-oldmemo (Debian).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { newUser } from '../helpers/accounts.ts';
import { knowsDevices, omemoDevice } from '../helpers/omemo.ts';
import { NS_LEGACY, startOmemoPeer } from '../helpers/omemoPeer.ts';
import { eventually } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('python-oldmemo and the engine: both directions, pre-key messages from each side, and messages to each side while offline', async () => {
  const [meUser, pyUser] = [await newUser(server, 'engine'), await newUser(server, 'python')];
  const state = join(mkdtempSync(join(tmpdir(), 'oldmemo-')), 'state.json');
  let python = await startOmemoPeer(server, pyUser, state);
  const laptop = await omemoDevice(server, meUser, 'laptop');
  const engines = [laptop];
  try {
    await knowsDevices(laptop, pyUser.jid, [python.device]);

    // The engine starts the session: python-oldmemo decrypts our pre-key message.
    await laptop.core.commands['chat.send']({
      account: laptop.account,
      to: pyUser.jid,
      body: 'hello from TypeScript ✓',
    });
    const first = await eventually(
      () => python.events.find((e) => e.event === 'received' || e.event === 'error'),
      'python to get it',
      20_000,
    );
    assert.deepEqual(first, {
      event: 'received',
      from: meUser.jid,
      device: laptop.deviceId,
      namespace: NS_LEGACY,
      body: 'hello from TypeScript ✓',
    });

    await python.send(meUser.jid, 'hello from python-oldmemo');
    const reply = await eventually(
      () => laptop.inbox.find((m) => m.peer === pyUser.jid && m.direction === 'in' && m.body),
      "the engine to decrypt python's reply",
      20_000,
    );
    assert.equal(reply?.body, 'hello from python-oldmemo');
    assert.equal(reply?.encryption?.device, python.device);

    // A second device of ours: python must start a new session with it, so it gets a pre-key message from python.
    const desktop = await omemoDevice(server, meUser, 'desktop');
    engines.push(desktop);
    await eventually(
      async () => {
        await python.send(meUser.jid, `probe ${Date.now()}`);
        return desktop.inbox.some((m) => m.peer === pyUser.jid && m.body.startsWith('probe'));
      },
      'python to encrypt for the new device',
      30_000,
    );
    assert.ok(
      desktop.inbox.every((m) => m.peer !== pyUser.jid || m.body.startsWith('probe') || m.encryption?.error),
      "the new device decrypts python's pre-key message",
    );

    // Our device offline: python's message waits in the archive and is decrypted when it comes back.
    await desktop.core.commands['account.disconnect']({ account: desktop.account });
    await python.send(meUser.jid, 'while your desktop was off');
    await eventually(
      () => laptop.inbox.some((m) => m.body === 'while your desktop was off'),
      'the laptop to decrypt it',
    );
    await desktop.core.commands['account.connect']({ account: desktop.account });
    await eventually(
      () => desktop.inbox.some((m) => m.body === 'while your desktop was off'),
      'the desktop to decrypt it after coming back',
      20_000,
    );

    // Python offline: our message waits in offline storage and python decrypts it when it comes back with its state.
    await python.stop();
    await laptop.core.commands['chat.send']({ account: laptop.account, to: pyUser.jid, body: 'while python was off' });
    python = await startOmemoPeer(server, pyUser, state);
    const late = await eventually(
      () => python.events.find((e) => e.event === 'received' && e.body === 'while python was off'),
      'python to decrypt the offline message',
      20_000,
    );
    assert.equal(late?.device, laptop.deviceId);
    assert.deepEqual(
      python.events.filter((e) => e.event === 'error'),
      [],
      'python decrypted everything it got',
    );
  } finally {
    await python.stop();
    await Promise.all(engines.map((e) => e.close()));
  }
});
