import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { extendedField, parseDiscoInfo, parseDiscoItems } from './queries.ts';

const form = (...fields: ReturnType<typeof xml>[]) => xml('x', { xmlns: 'jabber:x:data', type: 'form' }, ...fields);

test('disco info and items: identities, features once each, extended forms; items without a JID are dropped', () => {
  const info = parseDiscoInfo(
    'irc.localhost',
    undefined,
    xml(
      'query',
      {},
      xml('identity', { category: 'gateway', type: 'irc', name: 'IRC' }),
      xml('feature', { var: 'jabber:iq:register' }),
      xml('feature', { var: 'jabber:iq:register' }),
      form(xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, 'urn:x'))),
    ),
  );
  assert.deepEqual(info.identities, [{ category: 'gateway', type: 'irc', name: 'IRC' }]);
  assert.deepEqual(info.features, ['jabber:iq:register']);
  assert.equal(info.forms.length, 1);
  assert.deepEqual(
    parseDiscoItems(xml('query', {}, xml('item', { jid: 'a', node: 'n', name: 'A' }), xml('item', { name: 'no jid' }))),
    [{ jid: 'a', node: 'n', name: 'A' }],
  );
});

test('an extended-information field is read from the form of its FORM_TYPE only', () => {
  const field = (name: string, value: string) => xml('field', { var: name }, xml('value', {}, value));
  const info = parseDiscoInfo(
    'upload.localhost',
    undefined,
    xml(
      'query',
      {},
      form(field('FORM_TYPE', 'urn:other'), field('max-file-size', '1')),
      form(field('FORM_TYPE', 'urn:xmpp:http:upload:0'), field('max-file-size', '1024')),
    ),
  );
  assert.equal(extendedField(info, 'urn:xmpp:http:upload:0', 'max-file-size'), '1024');
  assert.equal(extendedField(info, 'urn:none', 'max-file-size'), undefined);
  assert.equal(extendedField(undefined, 'urn:xmpp:http:upload:0', 'max-file-size'), undefined);
});
