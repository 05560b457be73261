import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ChatMessage } from '../../shared/model/message.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import { startProsody, type ProsodyServer } from '../server/prosody.ts';
import { befriend, newUser, startEngine, type TestEngine } from '../helpers/accounts.ts';
import { downloadBytes, invoke, sha256, storedUploads, uploadBytes } from '../helpers/files.ts';
import { eventually, sleep } from '../helpers/waitFor.ts';

let server: ProsodyServer;
before(async () => {
  server = await startProsody();
});
after(async () => {
  await server.stop();
});

async function pair(): Promise<[TestEngine, TestEngine]> {
  const a = await startEngine(server, await newUser(server, 'sender'));
  const b = await startEngine(server, await newUser(server, 'receiver'));
  await befriend(a, b, { name: 'Receiver' }, { name: 'Sender' });
  // Plain file sharing (XEP-0066); encrypted files are tested in omemoFiles.e2e.test.ts.
  await a.core.commands['omemo.setEnabled']({ account: a.account, peer: b.account, enabled: false });
  return [a, b];
}

function inbox(engine: TestEngine): ChatMessage[] {
  const seen: ChatMessage[] = [];
  engine.core.events.on('message.added', (m) => {
    if (m.direction === 'in') seen.push(m);
  });
  return seen;
}

test('a file sent in a chat reaches the peer as a link with XEP-0066, and downloads as the same bytes', async () => {
  const [a, b] = await pair();
  const received = inbox(b);
  const service = await invoke(a.core, 'upload.service', { account: a.account });
  assert.deepEqual(service, { service: 'upload.localhost', maxFileSize: 10 * 1024 * 1024 });

  const bytes = randomBytes(1_300_000);
  const storedBefore = storedUploads(server);
  const sent = await uploadBytes(a.core, a.account, b.account, 'holiday notes.bin', bytes);
  assert.equal(storedUploads(server), storedBefore + 1, 'the server stored the file');
  assert.match(sent.body, /^https:\/\/localhost:\d+\/file_share\/.+\/holiday%20notes\.bin$/u);
  assert.equal(sent.oobUrl, sent.body);
  await eventually(() => received.length === 1, 'the link to arrive');
  assert.equal(received[0]?.body, sent.body);
  assert.equal(received[0]?.oobUrl, sent.body, 'the OOB element came along');

  const probe = await invoke(b.core, 'files.probe', { account: b.account, url: sent.body });
  assert.equal(probe.size, bytes.length);
  const downloaded = await downloadBytes(b.core, b.account, sent.body);
  assert.equal(downloaded.sha256, sha256(bytes));
  assert.equal(sha256(downloaded.bytes), sha256(bytes), 'the same bytes, read back through files.read');
  assert.equal(downloaded.name, 'holiday notes.bin');
  const stored = await invoke(a.core, 'chat.history', { account: a.account, peer: b.account });
  assert.equal(stored.at(-1)?.oobUrl, sent.body, 'the sender stores the link as a file too');
  await Promise.all([a.close(), b.close()]);
});

test('a file shared in a room downloads as the same bytes for another member; previews are typed by content', async () => {
  const [a, b] = await pair();
  const room = `files-${randomBytes(3).toString('hex')}@conference.localhost` as BareJid;
  await a.core.commands['muc.join']({ account: a.account, room, nick: 'Ann' });
  await b.core.commands['muc.join']({ account: b.account, room, nick: 'Bob' });
  const received = inbox(b);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(40_000)]);
  const sent = await uploadBytes(a.core, a.account, room, 'photo.png', png, 'image/png');
  assert.equal(sent.groupchat, true);
  await eventually(() => received.some((m) => m.peer === room && m.body === sent.body), 'the room link to arrive');
  assert.equal(received.find((m) => m.body === sent.body)?.oobUrl, sent.body);
  const downloaded = await downloadBytes(b.core, b.account, sent.body);
  assert.equal(downloaded.sha256, sha256(png));
  assert.equal(downloaded.type, 'image/png');

  const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
  const svgMessage = await uploadBytes(a.core, a.account, room, 'innocent.svg', svg, 'image/svg+xml');
  assert.equal(
    (await downloadBytes(b.core, b.account, svgMessage.body)).type,
    'application/octet-stream',
    'SVG is never typed as an image',
  );
  await Promise.all([a.close(), b.close()]);
});

test('a file over the server limit is refused before any upload, with the limit in the message', async () => {
  const [a, b] = await pair();
  const before = storedUploads(server);
  await assert.rejects(
    invoke(a.core, 'upload.begin', {
      account: a.account,
      to: b.account,
      name: 'huge.iso',
      size: 10 * 1024 * 1024 + 1,
      type: 'application/octet-stream',
    }),
    /"huge\.iso" is 10 MiB; your server takes files up to 10 MiB/u,
  );
  assert.equal(storedUploads(server), before);
  await Promise.all([a.close(), b.close()]);
});

test('a cancelled upload shares nothing and leaves nothing on the server', async () => {
  const [a, b] = await pair();
  const received = inbox(b);
  const before = storedUploads(server);
  const { upload } = await invoke(a.core, 'upload.begin', {
    account: a.account,
    to: b.account,
    name: 'half.bin',
    size: 2_000_000,
    type: 'application/octet-stream',
  });
  await invoke(a.core, 'upload.chunk', { upload, data: randomBytes(500_000) });
  await invoke(a.core, 'upload.cancel', { upload });
  await assert.rejects(invoke(a.core, 'upload.chunk', { upload, data: randomBytes(10) }), /no longer running/u);
  await assert.rejects(invoke(a.core, 'upload.finish', { upload }), /no longer running/u);
  await sleep(500);
  assert.equal(received.length, 0);
  assert.deepEqual(await invoke(a.core, 'chat.history', { account: a.account, peer: b.account }), []);
  assert.equal(storedUploads(server), before);
  await assert.rejects(
    invoke(a.core, 'upload.chunk', { upload: 'x', data: new Uint8Array(2 * 1024 * 1024) }),
    /longer than/u,
    'chunks are bounded',
  );
  await Promise.all([a.close(), b.close()]);
});

test('hostile file names are sanitized on the way out and on the way in', async () => {
  const [a, b] = await pair();
  const begun = await invoke(a.core, 'upload.begin', {
    account: a.account,
    to: b.account,
    name: '../../.config/autostart/evil\u202Egpj.exe',
    size: 3,
    type: 'text/html"\r\nX: y',
  });
  assert.equal(begun.name, 'evilgpj.exe');
  await invoke(a.core, 'upload.cancel', { upload: begun.upload });

  const sent = await uploadBytes(a.core, a.account, b.account, '.bashrc', Buffer.from('hi\n'));
  assert.ok(sent.body.endsWith('/bashrc'), sent.body);
  const downloaded = await downloadBytes(b.core, b.account, sent.body);
  assert.equal(downloaded.name, 'bashrc');
  await assert.rejects(
    invoke(b.core, 'files.download', { account: b.account, url: 'file:///etc/passwd', maxBytes: 100 }),
    /only https/u,
  );
  await assert.rejects(
    invoke(b.core, 'files.download', { account: b.account, url: 'http://example.org/a.png', maxBytes: 100 }),
    /only https/u,
  );
  await assert.rejects(invoke(b.core, 'files.read', { id: '../../etc/passwd', offset: 0, length: 10 }), /file id/u);
  await Promise.all([a.close(), b.close()]);
});

test('downloads stop at the size cap counted on the bytes, whatever the headers say', async () => {
  const engine = await startEngine(server, await newUser(server, 'fetcher'), { core: { allowPlainHttp: true } });
  // A hostile file server on loopback: no Content-Length, and far more bytes than the cap.
  const liar = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'image/png' });
    const chunk = randomBytes(64 * 1024);
    let sent = 0;
    const pump = (): void => {
      while (sent < 20 * 1024 * 1024 && res.write(chunk)) sent += chunk.length;
      if (sent < 20 * 1024 * 1024) res.once('drain', pump);
      else res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => liar.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(liar.address() as AddressInfo).port}/cat.png`;
  await assert.rejects(
    invoke(engine.core, 'files.download', { account: engine.account, url, maxBytes: 1024 * 1024 }),
    /grew past the 1 MiB/u,
  );
  const honest = await invoke(engine.core, 'files.probe', { account: engine.account, url });
  assert.equal(honest.type, 'image/png');
  liar.closeAllConnections();
  liar.close();
  await engine.close();
});

test('a refusal by the upload service is told in words, and nothing is shared', async () => {
  const picky = await startProsody({ uploadFileTypes: ['image/*'] });
  try {
    const a = await startEngine(picky, await newUser(picky, 'sender'));
    await assert.rejects(
      uploadBytes(a.core, a.account, 'someone@localhost' as BareJid, 'notes.txt', Buffer.from('hello'), 'text/plain'),
      /The server will not take "notes\.txt"/u,
    );
    assert.deepEqual(
      await invoke(a.core, 'chat.history', { account: a.account, peer: 'someone@localhost' as BareJid }),
      [],
    );
    await a.close();
  } finally {
    await picky.stop();
  }
});
