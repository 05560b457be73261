import { assert, test } from 'vitest';
import { translator } from '../i18n/translate.ts';
import { CONNECTION_ERROR_CODES } from '../../shared/model/connection.ts';
import { offlineText } from './offlineText.ts';

test('a refusal code is worded in each language; a plain reason passes through; other states say nothing', () => {
  for (const language of ['en', 'de'] as const) {
    const t = translator(language);
    const texts = CONNECTION_ERROR_CODES.map((code) =>
      offlineText({ status: 'offline', reason: 'engine words', code }, t),
    );
    assert.strictEqual(new Set(texts).size, CONNECTION_ERROR_CODES.length);
    for (const text of texts) assert.ok(text && text !== 'engine words' && !text.startsWith('connection.'));
  }
  assert.match(offlineText({ status: 'offline', code: 'no-tls' }, translator('de')) ?? '', /Verschlüsselung/u);
  assert.strictEqual(
    offlineText({ status: 'offline', reason: 'The connection was lost' }, translator('en')),
    'The connection was lost',
  );
  assert.strictEqual(offlineText({ status: 'connecting' }, translator('en')), undefined);
});
