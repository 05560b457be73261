import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capsVer } from './disco.ts';

test('the capabilities hash matches the XEP-0115 §5.2 example, whatever the feature order', () => {
  const features = [
    'http://jabber.org/protocol/muc',
    'http://jabber.org/protocol/caps',
    'http://jabber.org/protocol/disco#items',
    'http://jabber.org/protocol/disco#info',
  ];
  assert.equal(
    capsVer(features, { category: 'client', type: 'pc', lang: '', name: 'Exodus 0.9.1' }),
    'QgayPKawpkPSDYmwT/WM94uAlu0=',
  );
});
