import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MessageEncryption } from '../../../shared/model/message.ts';
import { recognizeOtr, withOtrMarker } from './otr.ts';

type Plain = { body: string; encryption?: MessageEncryption };

test('every OTR query form is recognised, with its human-readable text kept', () => {
  for (const query of ['?OTR?', '?OTRv2?', '?OTR?v2?', '?OTRv23?', '?OTR?v23?'])
    assert.deepEqual(recognizeOtr(`${query}\nBob has requested an Off-the-Record private conversation.`), {
      kind: 'query',
      text: 'Bob has requested an Off-the-Record private conversation.',
    });
});

test('OTR data is never text; the whitespace tag is cut out of a plain message; errors are recognised', () => {
  assert.deepEqual(recognizeOtr('?OTR:AAMDJ+MVmSfjFZcAAAAAAQAAAAIAAADA1g5IjD1ZGLDVQEyCgCyn9hbrL3KAbGDdzE2ZkMyTKl.'), {
    kind: 'data',
    text: '',
  });
  const tagged = `hello there \t  \t\t\t\t \t \t \t    \t\t  \t   \t\t  \t\t`;
  assert.deepEqual(recognizeOtr(tagged), { kind: 'tagged', text: 'hello there' });
  assert.deepEqual(recognizeOtr('?OTR Error: You sent encrypted data I was not expecting'), {
    kind: 'error',
    text: 'You sent encrypted data I was not expecting',
  });
  assert.equal(recognizeOtr('what is ?OTR? anyway'), undefined);
  assert.equal(recognizeOtr('plain'), undefined);
});

test('the marker: OTR data loses its body and says why; an already encrypted message is left alone', () => {
  const data = withOtrMarker<Plain>({ body: '?OTR:AAMD.' });
  assert.equal(data.body, '');
  assert.equal(data.encryption?.protocol, 'otr');
  assert.equal(data.encryption?.code, 'otr-data');
  assert.ok(data.encryption?.error);
  const query = withOtrMarker<Plain>({ body: '?OTRv23? Let us talk privately.' });
  assert.deepEqual(query.encryption, { protocol: 'otr', code: 'otr-query' });
  const sealed: Plain = { body: '?OTR:x', encryption: { protocol: 'omemo' } };
  assert.equal(withOtrMarker(sealed), sealed);
});
