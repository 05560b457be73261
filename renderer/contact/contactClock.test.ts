import { assert, test } from 'vitest';
import { contactClock } from './contactClock.ts';

test("a contact's clock is their UTC time moved by their offset", () => {
  assert.equal(contactClock('+02:00', '2026-12-01T10:15:00.000Z', 'en'), '12:15 (UTC+02:00)');
  assert.equal(contactClock('-05:30', '2026-12-01T10:15:00.000Z', 'de'), '04:45 (UTC-05:30)');
  assert.equal(contactClock('Z', '2026-12-01T23:59:00.000Z', 'en'), '23:59 (UTC)');
});
