import { assert, test } from 'vitest';
import { roomSlug, suggestRoomAddress } from './roomAddress.ts';

test('a title becomes a readable address part', () => {
  assert.strictEqual(roomSlug('Family & Friends!'), 'family-friends');
  assert.strictEqual(roomSlug('Über Café'), 'uber-cafe');
  assert.strictEqual(roomSlug('🎉🎉'), '');
});

test('the address is on the conference service; an unusable title gets a random part', () => {
  assert.strictEqual(
    suggestRoomAddress('Team', 'conference.example.org', () => 'x1'),
    'team@conference.example.org',
  );
  assert.strictEqual(
    suggestRoomAddress('🎉', 'conference.example.org', () => 'x1'),
    'x1@conference.example.org',
  );
  assert.strictEqual(
    suggestRoomAddress('Team', undefined, () => 'x1'),
    '',
  );
});
