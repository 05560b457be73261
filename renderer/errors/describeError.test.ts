import { assert, test } from 'vitest';
import { CommandError } from '../../shared/ipc/result.ts';
import { translator } from '../i18n/translate.ts';
import { describeError } from './describeError.ts';

const refused = new CommandError({
  code: 'failed',
  message: 'connect ECONNREFUSED 127.0.0.1:5222',
  reason: { code: 'network-refused', params: { host: '127.0.0.1:5222' } },
});

test('an engine error is worded in the UI language, its own text kept as details', () => {
  assert.deepEqual(describeError(refused, translator('de')), {
    text: 'Der Server 127.0.0.1:5222 hat die Verbindung abgelehnt.',
    details: 'connect ECONNREFUSED 127.0.0.1:5222',
  });
  assert.strictEqual(
    describeError(refused, translator('en')).text,
    'The server 127.0.0.1:5222 refused the connection.',
  );
});

test('an error without a code says something went wrong and keeps the text; a plain string stays as it is', () => {
  assert.deepEqual(describeError(new Error('DEPTH_ZERO_SELF_SIGNED_CERT'), translator('en')), {
    text: 'Something went wrong.',
    details: 'DEPTH_ZERO_SELF_SIGNED_CERT',
  });
  assert.deepEqual(describeError('Bitte eine Adresse eingeben', translator('de')), {
    text: 'Bitte eine Adresse eingeben',
  });
});
