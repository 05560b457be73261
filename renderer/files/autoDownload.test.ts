import { assert, test } from 'vitest';
import { autoDownloadLimit, mayRequestUnasked } from './autoDownload.ts';

const settings = { autoDownloadImages: true, autoDownloadLimitMB: 5 };
const five = 5 * 1024 * 1024;
const contact = { direction: 'in' as const, peer: 'friend@x' };

test('images from contacts, joined rooms and ourselves are fetched up to the limit', () => {
  assert.strictEqual(
    autoDownloadLimit(contact, 'cat.jpg', { inRoster: true, joinedRoom: false }, settings, 1000),
    five,
  );
  assert.strictEqual(
    autoDownloadLimit(
      { direction: 'in', peer: 'room@muc.x', groupchat: true },
      'cat.png',
      { inRoster: false, joinedRoom: true },
      settings,
      undefined,
    ),
    five,
  );
  assert.strictEqual(
    autoDownloadLimit(
      { direction: 'out', peer: 'anyone@x' },
      'cat.webp',
      { inRoster: false, joinedRoom: false },
      settings,
      10,
    ),
    five,
  );
});

test('strangers, private messages in rooms, non-images, SVG and big files wait for a click', () => {
  assert.strictEqual(
    autoDownloadLimit(contact, 'cat.jpg', { inRoster: false, joinedRoom: false }, settings, 10),
    undefined,
  );
  assert.strictEqual(
    autoDownloadLimit(
      { direction: 'in', peer: 'room@muc.x/bob' },
      'cat.jpg',
      { inRoster: true, joinedRoom: true },
      settings,
      10,
    ),
    undefined,
  );
  assert.strictEqual(
    autoDownloadLimit(contact, 'tool.exe', { inRoster: true, joinedRoom: false }, settings, 10),
    undefined,
  );
  assert.strictEqual(
    autoDownloadLimit(contact, 'drawing.svg', { inRoster: true, joinedRoom: false }, settings, 10),
    undefined,
  );
  assert.strictEqual(
    autoDownloadLimit(contact, 'cat.jpg', { inRoster: true, joinedRoom: false }, settings, five + 1),
    undefined,
  );
  assert.strictEqual(
    autoDownloadLimit(
      contact,
      'cat.jpg',
      { inRoster: true, joinedRoom: false },
      { ...settings, autoDownloadImages: false },
      10,
    ),
    undefined,
  );
  assert.strictEqual(
    autoDownloadLimit(
      contact,
      'cat.jpg',
      { inRoster: true, joinedRoom: false },
      { ...settings, autoDownloadLimitMB: 0 },
      10,
    ),
    undefined,
  );
});

test('nothing is requested unasked for strangers or private messages in rooms', () => {
  const chat = { direction: 'in' as const, peer: 'a@x' };
  assert.strictEqual(mayRequestUnasked(chat, { inRoster: true, joinedRoom: false }), true);
  assert.strictEqual(mayRequestUnasked(chat, { inRoster: false, joinedRoom: false }), false);
  assert.strictEqual(
    mayRequestUnasked({ direction: 'in', peer: 'room@muc.x/Eve' }, { inRoster: true, joinedRoom: true }),
    false,
  );
  assert.strictEqual(
    mayRequestUnasked({ direction: 'in', peer: 'room@muc.x', groupchat: true }, { inRoster: false, joinedRoom: true }),
    true,
  );
  assert.strictEqual(mayRequestUnasked({ ...chat, direction: 'out' }, { inRoster: false, joinedRoom: false }), true);
});
