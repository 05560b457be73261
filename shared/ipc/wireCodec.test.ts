import { assert, test } from 'vitest';
import { decodeWire, encodeWire } from './wireCodec.ts';

test('byte arrays cross the wire intact, nested anywhere, beside plain values', () => {
  const bytes = new Uint8Array(200_000).map((_, i) => (i * 7) % 256);
  const decoded = decodeWire(
    encodeWire({ type: 'invoke', arg: { data: bytes, name: 'x', list: [new Uint8Array([1, 2])] } }),
  ) as {
    arg: { data: Uint8Array; name: string; list: Uint8Array[] };
  };
  assert.ok(decoded.arg.data instanceof Uint8Array);
  assert.deepStrictEqual(decoded.arg.data, bytes);
  assert.deepStrictEqual(decoded.arg.list[0], new Uint8Array([1, 2]));
  assert.strictEqual(decoded.arg.name, 'x');
  assert.deepStrictEqual(decodeWire(encodeWire({ $bytes: 'x', other: 1 })), { $bytes: 'x', other: 1 });
});

test('malformed base64 is refused, not turned into garbage', () => {
  assert.throws(() => decodeWire('{"data":{"$bytes":"***"}}'));
});

test('frames without bytes take the plain path and come back equal, even when a text names the marker', () => {
  const frame = {
    type: 'events',
    events: [{ name: 'message.added', payload: { body: 'a "$bytes" text', list: [1, null, 'x'] } }],
  };
  assert.strictEqual(encodeWire(frame), JSON.stringify(frame));
  assert.deepStrictEqual(decodeWire(encodeWire(frame)), frame);
});
