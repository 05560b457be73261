import { assert, test } from 'vitest';
import { parseJid, toBareJid, toFullJid } from './jid.ts';

test('each part may hold 1023 bytes of UTF-8, counted in bytes, not characters', () => {
  const ascii = 'a'.repeat(1023);
  assert.strictEqual(toBareJid(`${ascii}@example.org`), `${ascii}@example.org`);
  assert.strictEqual(toBareJid(`${ascii}a@example.org`), undefined);
  // 341 three-byte characters are 1023 bytes; one more is over, though far fewer characters than 1023.
  const wide = 'ä'.repeat(511);
  assert.strictEqual(parseJid(`${wide}@example.org`)?.local, wide);
  assert.strictEqual(parseJid(`${wide}ä@example.org`), undefined);
  const cjk = '語'.repeat(341);
  assert.strictEqual(toFullJid(`me@example.org/${cjk}`), `me@example.org/${cjk}`);
  assert.strictEqual(toFullJid(`me@example.org/${cjk}語`), undefined);
  const emoji = '😀'.repeat(255);
  assert.strictEqual(toFullJid(`me@example.org/${emoji}`), `me@example.org/${emoji}`);
  assert.strictEqual(toFullJid(`me@example.org/${emoji}😀`), undefined);
});

test('control characters anywhere make a JID invalid', () => {
  assert.strictEqual(toBareJid('a\u0000b@example.org'), undefined);
  assert.strictEqual(toFullJid('a@example.org/res\u007f'), undefined);
  assert.strictEqual(toFullJid('a@example.org/res\u001fx'), undefined);
  assert.strictEqual(toFullJid('a@example.org/ré😀'), 'a@example.org/ré😀');
});
