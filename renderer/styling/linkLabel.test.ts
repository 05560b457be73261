import { assert, test } from 'vitest';
import { findLinks } from './links.ts';
import { parseInline } from './parseStyling.ts';
import { deceptiveLabel, linkLabel } from './linkLabel.ts';

const label = (text: string): string => {
  const [link] = findLinks(text);
  if (!link) throw new Error(`no link in ${text}`);
  return linkLabel(text.slice(link.start, link.end), link.href);
};

test('the label shows the real host: credentials before "@" are dropped', () => {
  assert.strictEqual(label('https://www.bank.example@evil.example/login'), 'https://evil.example/login');
  assert.strictEqual(label('https://user:pw@evil.example:8443/x?y=1'), 'https://evil.example:8443/x?y=1');
  assert.strictEqual(
    label('xmpp:alice@example.org?message'),
    'xmpp:alice@example.org?message',
    'xmpp JIDs keep their @',
  );
});

test('look-alike and mixed-script hosts show in punycode; honest IDNs stay readable', () => {
  assert.strictEqual(label('https://аррӏе.com/'), 'https://xn--80ak6aa92e.com/');
  assert.strictEqual(label('https://pаypal.com/'), 'https://xn--pypal-4ve.com/');
  assert.strictEqual(label('https://müller.de/kontakt'), 'https://müller.de/kontakt');
  assert.strictEqual(label('https://例え.jp/'), 'https://例え.jp/');
  assert.strictEqual(label('https://пример.рф/'), 'https://пример.рф/');
  assert.ok(deceptiveLabel('gооgle') && !deceptiveLabel('google') && !deceptiveLabel('bücher'));
});

test('bidi overrides and invisible characters never reach the label; the link node carries the label', () => {
  assert.strictEqual(label('https://example.org/\u202Egpj.exe'), 'https://example.org/gpj.exe');
  assert.strictEqual(label('https://exa\u200Bmple.org/'), 'https://example.org/');
  const [node] = parseInline('https://bank.example@evil.example/');
  assert.deepEqual(node, { type: 'link', href: 'https://bank.example@evil.example/', text: 'https://evil.example/' });
});
