import { assert, test } from 'vitest';
import { de } from './de.ts';
import { en } from './en.ts';
import { translator } from './translate.ts';

test('every string exists in both languages with the same placeholders', () => {
  const placeholders = (s: string): string[] => [...s.matchAll(/\{(\w+)\}/gu)].map((m) => m[1] ?? '').sort();
  assert.deepEqual(Object.keys(de).sort(), Object.keys(en).sort());
  for (const key of Object.keys(en) as (keyof typeof en)[]) {
    assert.deepEqual(placeholders(de[key]), placeholders(en[key]), key);
    assert.ok(de[key].trim().length > 0, key);
  }
});

test('placeholders are filled and unknown ones left visible', () => {
  assert.strictEqual(translator('en')('roster.groupCount', { online: 2, total: 5 }), '2 of 5 online');
  assert.strictEqual(translator('de')('roster.groupCount', { online: 2, total: 5 }), '2 von 5 online');
  assert.strictEqual(translator('en')('setup.registered', {}), 'Account {jid} created. Logging in…');
});
