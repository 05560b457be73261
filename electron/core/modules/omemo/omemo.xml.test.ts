import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { xml } from '../../xmpp/stanza.ts';
import {
  buildBundle,
  buildDeviceList,
  buildEncrypted,
  deviceId,
  NS_OMEMO,
  OmemoFormatError,
  parseBundle,
  parseDeviceList,
  parseEncrypted,
} from './omemo.xml.ts';

const key33 = (): Uint8Array => Uint8Array.from([0x05, ...randomBytes(32)]);

test('device lists: ids 1 … 2³¹−1 only, each once', () => {
  const list = xml(
    'list',
    { xmlns: NS_OMEMO },
    ...['1148012093', '4223', '4223', '0', '2147483648', '-5', 'x', '2147483647'].map((id) => xml('device', { id })),
  );
  assert.deepEqual(parseDeviceList(list), [1148012093, 4223, 2147483647]);
  assert.deepEqual(parseDeviceList(buildDeviceList([7, 9])), [7, 9]);
  assert.equal(deviceId('007'), 7);
});

test('bundles round-trip in schema order; whitespace inside base64 is fine; broken keys are refused', () => {
  const keys = {
    identityKey: key33(),
    signedPreKey: { id: 1, publicKey: key33(), signature: new Uint8Array(randomBytes(64)) },
    preKeys: [
      { id: 1, publicKey: key33() },
      { id: 2, publicKey: key33() },
    ],
  };
  const built = buildBundle(keys);
  assert.deepEqual(
    built.getChildElements().map((c) => c.name),
    ['signedPreKeyPublic', 'signedPreKeySignature', 'identityKey', 'prekeys'],
  );
  assert.deepEqual(parseBundle(built), keys);
  const spaced = buildBundle(keys);
  const identity = spaced.getChild('identityKey');
  if (identity)
    identity.children = [
      `\n   ${Buffer.from(keys.identityKey)
        .toString('base64')
        .replace(/(.{10})/gu, '$1\n  ')}\n`,
    ];
  assert.deepEqual(parseBundle(spaced).identityKey, keys.identityKey);
  const badIdentity = buildBundle({ ...keys, identityKey: Uint8Array.from([0x04, ...randomBytes(32)]) });
  assert.throws(() => parseBundle(badIdentity), OmemoFormatError);
  assert.throws(() => parseBundle(buildBundle({ ...keys, preKeys: [] })), /no usable pre-keys/u);
});

test('<encrypted/>: keys by rid with prekey read as true/1 and never written as false; one element only; no sid refused', () => {
  const element = buildEncrypted({
    sid: 31415,
    keys: [
      { rid: 4223, preKey: false, data: Uint8Array.from([1, 2]) },
      { rid: 9, preKey: true, data: Uint8Array.from([3]) },
    ],
    iv: new Uint8Array(12),
    payload: Uint8Array.from([5, 6, 7]),
  });
  assert.equal(element.getChild('header')?.getChildren('key')[0]?.attrs.prekey, undefined, 'never prekey="false"');
  const message = xml('message', {}, element);
  assert.deepEqual(parseEncrypted(message), {
    sid: 31415,
    keys: [
      { rid: 4223, preKey: false, data: Uint8Array.from([1, 2]) },
      { rid: 9, preKey: true, data: Uint8Array.from([3]) },
    ],
    iv: new Uint8Array(12),
    payload: Uint8Array.from([5, 6, 7]),
  });
  const psi = xml(
    'message',
    {},
    xml(
      'encrypted',
      { xmlns: NS_OMEMO },
      xml('header', { sid: '5' }, xml('key', { rid: '6', prekey: '1' }, 'AQ=='), xml('iv', {}, 'AAAAAAAAAAAAAAAA')),
    ),
  );
  assert.equal(parseEncrypted(psi)?.keys[0]?.preKey, true);
  assert.equal(parseEncrypted(psi)?.payload, undefined, 'key transport: no payload');
  assert.equal(parseEncrypted(xml('message', {}, xml('body', {}, 'plain'))), undefined);
  assert.throws(() => parseEncrypted(xml('message', {}, element, element)), /more than one/u);
  assert.throws(
    () =>
      parseEncrypted(
        xml('message', {}, xml('encrypted', { xmlns: NS_OMEMO }, xml('header', {}, xml('iv', {}, 'AAAA')))),
      ),
    /sender device/u,
  );
  assert.throws(
    () =>
      parseEncrypted(
        xml('message', {}, xml('encrypted', { xmlns: NS_OMEMO }, xml('header', { sid: '5' }, xml('iv', {}, '%%%')))),
      ),
    /IV/u,
  );
});
