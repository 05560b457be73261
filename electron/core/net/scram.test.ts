import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ScramClient } from './scram.ts';

test('SCRAM-SHA-1 matches the RFC 5802 example exchange', async () => {
  const scram = new ScramClient('sha1', 'user', 'pencil', 'fyko+d2lbbFgONRv9qkxdawL');
  assert.equal(scram.clientFirst(), 'n,,n=user,r=fyko+d2lbbFgONRv9qkxdawL');
  const final = await scram.clientFinal('r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096');
  assert.equal(final, 'c=biws,r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,p=v0X8v3Bz2T0CJGbJQyF0X+HI4Ts=');
  scram.verifyServerFinal('v=rmF9pqV8S7suAoZWja4dJRkFsKQ=');
});

test('SCRAM-SHA-256 matches the RFC 7677 example exchange', async () => {
  const scram = new ScramClient('sha256', 'user', 'pencil', 'rOprNGfwEbeRWgbNEkqO');
  const final = await scram.clientFinal(
    'r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,s=W22ZaJ0SNY7soEsUEjb6gQ==,i=4096',
  );
  assert.equal(
    final,
    'c=biws,r=rOprNGfwEbeRWgbNEkqO%hvYDpWUa2RaTCAfuxFIlj)hNlF$k0,p=dHzbZapWIk4jUhN+Ute9ytag9zjfMHgsqmmiz7AndVQ=',
  );
  scram.verifyServerFinal('v=6rriTRBi23WpRR/wtup+mMhUZUn/dB5nLTJRsjl95G4=');
});

test('a forged server signature is refused', async () => {
  const scram = new ScramClient('sha1', 'user', 'pencil', 'fyko+d2lbbFgONRv9qkxdawL');
  await scram.clientFinal('r=fyko+d2lbbFgONRv9qkxdawL3rfcNHYJY1ZVvWVs7j,s=QSXCR+Q6sek8bf92,i=4096');
  assert.throws(() => scram.verifyServerFinal('v=AAAAAAAAAAAAAAAAAAAAAAAAAAA='), /signature does not match/);
});

test('hostile server-first messages are refused before any work', async () => {
  const cases = [
    'r=someoneelse,s=QSXCR+Q6sek8bf92,i=4096',
    'r=abc,s=QSXCR+Q6sek8bf92,i=4096',
    'r=abcdef,i=4096',
    'r=abcdef,s=QSXCR+Q6sek8bf92,i=999999999',
    'r=abcdef,s=QSXCR+Q6sek8bf92,i=-1',
  ];
  for (const serverFirst of cases) {
    await assert.rejects(
      new ScramClient('sha1', 'u', 'p', 'abc').clientFinal(serverFirst),
      { name: 'ScramError' },
      serverFirst,
    );
  }
});

test('usernames with = and , are escaped', () => {
  assert.equal(new ScramClient('sha1', 'a=b,c', 'p', 'n').clientFirst(), 'n,,n=a=3Db=2Cc,r=n');
});
