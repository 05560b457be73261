import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { bobData, buildSubmission, NS_DATA, parseDataForm } from './dataForm.ts';

const form = xml(
  'x',
  { xmlns: 'jabber:x:data', type: 'form' },
  xml('title', {}, 'Room configuration'),
  xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, 'http://jabber.org/protocol/muc#roomconfig')),
  xml('field', { var: 'muc#roomconfig_roomname', type: 'text-single', label: 'Name' }, xml('value', {}, 'Old')),
  xml('field', { var: 'muc#roomconfig_persistentroom', type: 'boolean', label: 'Persistent' }, xml('value', {}, '0')),
  xml(
    'field',
    { var: 'muc#roomconfig_whois', type: 'list-single', label: 'Who may see JIDs' },
    xml('value', {}, 'moderators'),
    xml('option', { label: 'Moderators' }, xml('value', {}, 'moderators')),
    xml('option', { label: 'Anyone' }, xml('value', {}, 'anyone')),
  ),
  xml('field', { type: 'fixed' }, xml('value', {}, 'Section')),
  xml('field', { var: 'weird', type: 'no-such-type' }),
);

test('data forms: every field type read; a submission keeps hidden values and uses the given ones', () => {
  const parsed = parseDataForm(form);
  assert.equal(parsed?.title, 'Room configuration');
  assert.deepEqual(
    parsed?.fields.map((f) => [f.var, f.type]),
    [
      ['FORM_TYPE', 'hidden'],
      ['muc#roomconfig_roomname', 'text-single'],
      ['muc#roomconfig_persistentroom', 'boolean'],
      ['muc#roomconfig_whois', 'list-single'],
      ['', 'fixed'],
      ['weird', 'text-single'],
    ],
  );
  assert.deepEqual(parsed?.fields[3]?.options, [
    { label: 'Moderators', value: 'moderators' },
    { label: 'Anyone', value: 'anyone' },
  ]);
  const submission = buildSubmission(parsed ?? { title: '', instructions: '', fields: [] }, {
    'muc#roomconfig_roomname': ['New'],
    'muc#roomconfig_persistentroom': ['1'],
  });
  assert.equal(submission.attrs.type, 'submit');
  const values = Object.fromEntries(
    submission.getChildren('field').map((f) => [String(f.attrs.var), f.getChildren('value').map((v) => v.text())]),
  );
  assert.deepEqual(values, {
    FORM_TYPE: ['http://jabber.org/protocol/muc#roomconfig'],
    'muc#roomconfig_roomname': ['New'],
    'muc#roomconfig_persistentroom': ['1'],
    'muc#roomconfig_whois': ['moderators'],
    weird: [],
  });
  assert.equal(parseDataForm(xml('x', { xmlns: 'other' })), undefined);
});

test('a media field (XEP-0221) shows an image only when its bytes came in the stanza (XEP-0231), never from a URL', () => {
  const png = Buffer.from('\x89PNG\r\n\x1a\nfake').toString('base64');
  const iq = xml(
    'iq',
    {},
    xml(
      'query',
      {},
      xml(
        'x',
        { xmlns: 'jabber:x:data', type: 'form' },
        xml(
          'field',
          { var: 'ocr', type: 'text-single' },
          xml(
            'media',
            { xmlns: 'urn:xmpp:media-element' },
            xml('uri', { type: 'image/png' }, 'cid:sha1+abc@bob.xmpp.org'),
          ),
        ),
        xml(
          'field',
          { var: 'remote', type: 'text-single' },
          xml(
            'media',
            { xmlns: 'urn:xmpp:media-element' },
            xml('uri', { type: 'image/png' }, 'https://evil.example/x.png'),
          ),
        ),
        xml(
          'field',
          { var: 'svg', type: 'text-single' },
          xml(
            'media',
            { xmlns: 'urn:xmpp:media-element' },
            xml('uri', { type: 'image/svg+xml' }, 'cid:svg@bob.xmpp.org'),
          ),
        ),
      ),
      xml('data', { xmlns: 'urn:xmpp:bob', cid: 'sha1+abc@bob.xmpp.org', type: 'image/png' }, png),
      xml('data', { xmlns: 'urn:xmpp:bob', cid: 'svg@bob.xmpp.org', type: 'image/svg+xml' }, 'PHN2Zy8+'),
    ),
  );
  const form = parseDataForm(iq.getChild('query')?.getChild('x', NS_DATA), bobData(iq));
  assert.deepEqual(form?.fields[0]?.media, { type: 'image/png', base64: png });
  assert.equal(form?.fields[1]?.media, undefined, 'a URL is never fetched');
  assert.equal(form?.fields[2]?.media, undefined, 'SVG is not shown');
  const huge = xml(
    'iq',
    {},
    xml('data', { xmlns: 'urn:xmpp:bob', cid: 'big', type: 'image/png' }, 'A'.repeat(400_000)),
  );
  assert.equal(bobData(huge).size, 0, 'an oversized image is dropped');
});
