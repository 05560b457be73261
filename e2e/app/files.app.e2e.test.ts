import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { makeContacts, newUser } from '../helpers/accounts.ts';
import { sha256 } from '../helpers/files.ts';
import { makePng } from '../helpers/png.ts';
import { startApp, withAccount } from './harness.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

test('files chosen in the picker upload with their own progress; the contact sees the image preview and saves the other file', async () => {
  const [meUser, palUser] = [await newUser(server, 'me'), await newUser(server, 'pal')];
  await makeContacts(server, meUser, palUser, { name: 'Pal' }, { name: 'Me' });
  const me = await startApp({ prepare: (core) => withAccount(core, server, meUser) });
  const pal = await startApp({ prepare: (core) => withAccount(core, server, palUser) });
  const png = makePng(320, 200);
  const big = randomBytes(8 * 1024 * 1024);

  await me.page.getByRole('button', { name: /^Pal/ }).click();
  await me.page.getByLabel('Files to send').setInputFiles([
    { name: 'sunset.png', mimeType: 'image/png', buffer: png },
    { name: 'backup.bin', mimeType: 'application/octet-stream', buffer: big },
  ]);
  const uploads = me.page.getByRole('list', { name: 'Files being sent' });
  await uploads.getByRole('progressbar', { name: 'backup.bin' }).waitFor();
  await me.shot('files-uploading');
  await uploads.waitFor({ state: 'detached', timeout: 30_000 });
  const myLog = me.page.getByRole('log', { name: 'Messages with Pal' });
  await myLog.getByRole('img', { name: 'Preview of sunset.png' }).waitFor();
  await myLog.getByRole('figure', { name: 'File backup.bin' }).getByText('8 MiB').waitFor();
  await me.shot('files-sent');

  await pal.page.getByRole('button', { name: /^Me/ }).click();
  const palLog = pal.page.getByRole('log', { name: 'Messages with Me' });
  const preview = palLog.getByRole('img', { name: 'Preview of sunset.png' });
  await preview.waitFor();
  assert.equal(
    await preview.evaluate((img: HTMLImageElement) => img.naturalWidth),
    320,
    'the preview decoded as an image',
  );
  const card = palLog.getByRole('figure', { name: 'File backup.bin' });
  assert.equal(await card.getByRole('button', { name: 'Save' }).count(), 0, 'big files wait for a click');
  await card.getByRole('button', { name: 'Download' }).click();
  await card.getByRole('button', { name: 'Save' }).waitFor({ timeout: 30_000 });
  const [download] = await Promise.all([
    pal.page.waitForEvent('download'),
    card.getByRole('button', { name: 'Save' }).click(),
  ]);
  assert.equal(download.suggestedFilename(), 'backup.bin');
  assert.equal(sha256(readFileSync(await download.path())), sha256(big), 'the saved file has the sent bytes');
  await pal.shot('files-received');

  // Cancelled halfway: the progress goes, and nothing reaches the contact.
  await me.page.getByLabel('Files to send').setInputFiles({
    name: 'second-thoughts.bin',
    mimeType: 'application/octet-stream',
    buffer: randomBytes(9 * 1024 * 1024),
  });
  await uploads.getByRole('progressbar', { name: 'second-thoughts.bin' }).waitFor();
  await uploads.getByRole('button', { name: 'Cancel sending second-thoughts.bin' }).click();
  await uploads.waitFor({ state: 'detached' });
  await new Promise((r) => setTimeout(r, 1000));
  const history = await pal.core.commands['chat.history']({ account: palUser.jid, peer: meUser.jid });
  assert.equal(history.length, 2, 'only the two files sent before');
  // Both accounts have OMEMO: the files went encrypted (XEP-0454), and previews and saving work as for plain ones.
  assert.ok(
    history.every((m) => m.body.startsWith('aesgcm://') && m.encryption?.protocol === 'omemo'),
    'sent as encrypted files',
  );
  assert.equal(await myLog.getByRole('figure', { name: 'File second-thoughts.bin' }).count(), 0);

  // Over the server's limit (10 MiB here): said in words, and no Retry that could not work.
  await me.page.getByLabel('Files to send').setInputFiles({
    name: 'too-big.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.alloc(11 * 1024 * 1024),
  });
  await uploads.getByText(/it is larger than the server takes \(10(\.0)? MiB\)/u).waitFor();
  assert.equal(await uploads.getByRole('button', { name: 'Retry sending too-big.bin' }).count(), 0);
  await Promise.all([me.close(), pal.close()]);
});

test('a file dropped on a room is shared there, and members see its preview', async () => {
  const [aUser, bUser] = [await newUser(server, 'ann'), await newUser(server, 'bob')];
  const ann = await startApp({ prepare: (core) => withAccount(core, server, aUser) });
  const bob = await startApp({ prepare: (core) => withAccount(core, server, bUser) });
  const room = `drop-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
  await ann.core.commands['muc.join']({ account: aUser.jid, room, nick: 'Ann' });
  await bob.core.commands['muc.join']({ account: bUser.jid, room, nick: 'Bob' });
  const roomName = room.split('@')[0] ?? room;

  await ann.page
    .getByRole('button', { name: new RegExp(roomName) })
    .first()
    .click();
  const pane = ann.page.getByRole('region', { name: roomName });
  const png = makePng(240, 240);
  const dataTransfer = await ann.page.evaluateHandle(
    (bytes: number[]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'whiteboard.png', { type: 'image/png' }));
      return transfer;
    },
    [...png],
  );
  await pane.dispatchEvent('dragenter', { dataTransfer });
  await ann.page.getByText(`Drop files to send them to ${roomName}`).waitFor();
  await ann.shot('files-drop-hint');
  await pane.dispatchEvent('drop', { dataTransfer });
  await pane.getByRole('img', { name: 'Preview of whiteboard.png' }).waitFor();
  assert.equal(
    await ann.page.getByText(`Drop files to send them to ${roomName}`).count(),
    0,
    'the hint goes with the drop',
  );

  // A screenshot pasted into the composer goes out as a file with a dated name.
  const clipboard = await ann.page.evaluateHandle(
    (bytes: number[]) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'image.png', { type: 'image/png' }));
      return transfer;
    },
    [...makePng(64, 48)],
  );
  await pane.getByRole('textbox', { name: 'Message', exact: true }).evaluate((box, clipboardData) => {
    box.dispatchEvent(new ClipboardEvent('paste', { clipboardData, bubbles: true, cancelable: true }));
  }, clipboard);
  await pane.getByRole('img', { name: /^Preview of pasted-\d{8}-\d{6}\.png$/u }).waitFor();
  assert.equal(
    await pane.getByRole('textbox', { name: 'Message', exact: true }).inputValue(),
    '',
    'no text was pasted',
  );

  await bob.page
    .getByRole('button', { name: new RegExp(roomName) })
    .first()
    .click();
  const seen = bob.page.getByRole('region', { name: roomName }).getByRole('img', { name: 'Preview of whiteboard.png' });
  await seen.waitFor();
  assert.equal(await seen.evaluate((img: HTMLImageElement) => img.naturalHeight), 240);
  await bob.page
    .getByRole('region', { name: roomName })
    .getByRole('img', { name: /^Preview of pasted-/u })
    .waitFor();
  await bob.shot('files-room-preview');

  await bob.page.getByRole('button', { name: 'Open whiteboard.png in the image viewer' }).click();
  const viewer = bob.page.getByRole('dialog', { name: 'whiteboard.png' });
  await viewer.getByText('1 of 2').waitFor();
  const zoom = viewer.getByRole('status', { name: 'Zoom' }).or(viewer.locator('output'));
  await viewer.getByRole('button', { name: 'Actual size' }).click();
  assert.equal(await zoom.innerText(), '100 %');
  await viewer.getByRole('button', { name: 'Zoom in' }).click();
  assert.equal(await zoom.innerText(), '150 %');
  assert.equal(
    await viewer.getByRole('img', { name: 'Preview of whiteboard.png' }).evaluate((img: HTMLImageElement) => img.width),
    360,
    'drawn at 150 %',
  );
  await bob.shot('image-viewer');
  await viewer.getByRole('img').press('ArrowRight');
  const next = bob.page.getByRole('dialog', { name: /^pasted-\d{8}-\d{6}\.png$/u });
  await next.getByText('2 of 2').waitFor();
  assert.equal(await next.getByRole('button', { name: 'Next image' }).isDisabled(), true, 'the last image');
  await next.getByRole('button', { name: 'Previous image' }).click();
  await viewer.getByText('1 of 2').waitFor();
  await bob.page.keyboard.press('Escape');
  await viewer.waitFor({ state: 'detached' });
  await Promise.all([ann.close(), bob.close()]);
});
