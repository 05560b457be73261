import { assert, test } from 'vitest';
import type { BareJid } from './jid.ts';
import { parseVerificationUri, verificationUri } from './omemo.ts';

const fp = 'cbf1b281 b5d258ea 033ddf07 0bceed4e a344ce3c 12e9c5b9 a1490402 1d5faa4c';

test("the verification URI is Conversations' form and reads back; junk parameters are ignored", () => {
  const uri = verificationUri('romeo@montague.lit' as BareJid, [{ id: 86783251, fingerprint: fp }]);
  assert.strictEqual(
    uri,
    'xmpp:romeo@montague.lit?omemo-sid-86783251=cbf1b281b5d258ea033ddf070bceed4ea344ce3c12e9c5b9a14904021d5faa4c',
  );
  assert.deepStrictEqual(parseVerificationUri(`${uri};omemo-sid-x=zz;omemo-sid-7=short`), {
    jid: 'romeo@montague.lit',
    fingerprints: [{ id: 86783251, fingerprint: fp.replace(/ /gu, '') }],
  });
  assert.strictEqual(parseVerificationUri('https://example.com/?omemo-sid-1=00'), undefined);
  assert.deepStrictEqual(
    parseVerificationUri(`xmpp:a@b?omemo-sid-1=${fp.replace(/ /gu, '').toUpperCase()}`)?.fingerprints,
    [{ id: 1, fingerprint: fp.replace(/ /gu, '') }],
  );
});
