import { assert, test } from 'vitest';
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { ChatMessage } from '../../shared/model/message.ts';
import { closing, formatChunk } from './exportFormat.ts';

const m = (id: string, peer: string, body: string, over: Partial<ChatMessage> = {}): ChatMessage => ({
  id,
  account: 'me@x' as AccountId,
  peer: peer as BareJid,
  direction: 'in',
  from: `${peer}/r`,
  body,
  timestamp: Date.UTC(2026, 10, 30, 12, 0, Number(id)),
  state: 'received',
  ...over,
});

test('text: a heading per chat, one line per message, chunks join seamlessly', () => {
  const first = [m('1', 'a@x', 'hi\nthere'), m('2', 'a@x', 'x', { direction: 'out' })];
  const second = [m('3', 'a@x', 'gone', { retracted: true, body: '' }), m('4', 'b@x', 'yo', { edited: true })];
  const text = formatChunk(first, 'text', true, undefined) + formatChunk(second, 'text', false, first[1]);
  assert.equal(
    text,
    '== a@x (me@x) ==\n[2026-11-30 12:00:01] a@x: hi\n    there\n[2026-11-30 12:00:02] me: x\n' +
      '[2026-11-30 12:00:03] a@x: [retracted]\n\n== b@x (me@x) ==\n[2026-11-30 12:00:04] b@x: yo (edited)\n',
  );
});

test('JSON: the chunks and the closing make one valid array', () => {
  const a = [m('1', 'a@x', 'one')];
  const b = [m('2', 'a@x', 'two'), m('3', 'a@x', '"three"')];
  const json = formatChunk(a, 'json', true, undefined) + formatChunk(b, 'json', false, a[0]) + closing('json', false);
  assert.deepEqual(
    (JSON.parse(json) as ChatMessage[]).map((x) => x.body),
    ['one', 'two', '"three"'],
  );
  assert.deepEqual(JSON.parse(closing('json', true)), []);
});
