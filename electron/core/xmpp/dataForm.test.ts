import { test } from 'node:test';
import assert from 'node:assert/strict';
import xml from '@xmpp/xml';
import { buildSubmission, parseDataForm } from './dataForm.ts';

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
