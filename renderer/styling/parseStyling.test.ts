import { assert, test } from 'vitest';
import { findLinks } from './links.ts';
import { type Block, type Inline, MAX_STYLED_CHARS, parseInline, parseStyling } from './parseStyling.ts';

/** A compact rendering of the tree so expectations stay readable. */
function show(inlines: Inline[]): string {
  return inlines
    .map((n) => {
      switch (n.type) {
        case 'text':
          return n.text;
        case 'link':
          return `[link ${n.href}]`;
        case 'code':
          return `[code ${n.text}]`;
        case 'styled':
          return `[${n.style} ${show(n.children)}]`;
      }
    })
    .join('');
}

test('spans: bold, italic, strike and code, nested but never across lines', () => {
  assert.strictEqual(show(parseInline('a *bold* b')), 'a [strong bold] b');
  assert.strictEqual(show(parseInline('_it_ and ~gone~')), '[emphasis it] and [strike gone]');
  assert.strictEqual(show(parseInline('*bold _and italic_*')), '[strong bold [emphasis and italic]]');
  assert.strictEqual(show(parseInline('`*not bold*`')), '[code *not bold*]');
  assert.strictEqual(show(parseInline('*_both_*')), '[strong [emphasis both]]');
});

test('directives that do not open or close a span stay plain text', () => {
  assert.strictEqual(show(parseInline('2 * 3 * 4')), '2 * 3 * 4');
  assert.strictEqual(show(parseInline('** empty')), '** empty');
  assert.strictEqual(show(parseInline('snake_case_name')), 'snake_case_name');
  assert.strictEqual(show(parseInline('*open only')), '*open only');
  assert.strictEqual(show(parseInline('*no close *')), '*no close *');
  assert.strictEqual(show(parseInline('*a* *b*')), '[strong a] [strong b]');
});

test('blocks: fenced preformatted text is not styled, quotes nest', () => {
  const blocks = parseStyling('```js\n*x*\n```\n> quoted *bold*\n>> deeper\nplain');
  assert.deepEqual(blocks[0], { type: 'pre', fence: '```js', lines: ['*x*'], closed: true });
  const quote = blocks[1] as Extract<Block, { type: 'quote' }>;
  assert.strictEqual(quote.type, 'quote');
  assert.strictEqual(show((quote.blocks[0] as Extract<Block, { type: 'line' }>).content), 'quoted [strong bold]');
  assert.strictEqual((quote.blocks[1] as Extract<Block, { type: 'quote' }>).type, 'quote');
  assert.deepEqual(blocks[2], { type: 'line', content: [{ type: 'text', text: 'plain' }] });
  assert.deepEqual(parseStyling('```\nunclosed'), [{ type: 'pre', fence: '```', lines: ['unclosed'], closed: false }]);
});

test('links: only http(s), xmpp and mailto, without trailing punctuation', () => {
  assert.strictEqual(
    show(parseInline('see https://example.org/a_(b). ok')),
    'see [link https://example.org/a_(b)]. ok',
  );
  assert.strictEqual(show(parseInline('(https://example.org/x)')), '([link https://example.org/x])');
  assert.strictEqual(show(parseInline('javascript:alert(1) data:text/html,x')), 'javascript:alert(1) data:text/html,x');
  assert.deepEqual(
    findLinks('xmpp:room@conference.example.org?join mailto:a@b.c').map((l) => l.href),
    ['xmpp:room@conference.example.org?join', 'mailto:a@b.c'],
  );
  assert.deepEqual(findLinks('https://'), []);
});

test('hostile and huge bodies stay text and parse into one block each (speed: npm run bench)', () => {
  const html = '<img src=x onerror=alert(1)>';
  assert.deepEqual(parseStyling(html), [{ type: 'line', content: [{ type: 'text', text: html }] }]);
  const unmatched = '*a '.repeat(200_000);
  const blocks = parseStyling(unmatched.slice(0, MAX_STYLED_CHARS - 1));
  assert.strictEqual(blocks.length, 1);
  const huge = parseStyling('x'.repeat(1_000_000));
  assert.strictEqual(huge.length, 1);
});
