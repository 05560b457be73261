import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EMPTY_PROFILE } from '../../../../shared/model/profile.ts';
import { buildVcard4, parseVcard4, parseVcardTemp } from './vcard.ts';
import { stanzaFromText } from '../../xmpp/stanzaText.ts';

const profile = {
  fullName: 'Ada Lovelace',
  nickname: 'ada',
  email: 'ada@example.org',
  phone: '+44 20 7946 0958',
  url: 'https://example.org/ada',
  organisation: 'Analytical Engines',
  note: 'Notes on the engine',
  birthday: '1815-12-10',
};

test('a profile survives vCard4 both ways; the phone as a tel: URI, empty fields left out', () => {
  const built = buildVcard4(profile);
  assert.equal(built.getChild('tel')?.getChildText('uri'), 'tel:+442079460958');
  assert.deepEqual(parseVcard4(built), { ...profile, phone: '+442079460958' });
  const sparse = buildVcard4({ ...EMPTY_PROFILE, fullName: 'Only a name' });
  assert.deepEqual(
    sparse.getChildElements().map((c) => c.name),
    ['fn'],
  );
});

test('hostile vCards: wrong namespace, bad birthday, huge text are cut down or refused', () => {
  assert.equal(parseVcard4(stanzaFromText('<vcard xmlns="urn:other"/>')), undefined);
  const odd = parseVcard4(
    stanzaFromText(
      `<vcard xmlns="urn:ietf:params:xml:ns:vcard-4.0"><bday><date>next tuesday</date></bday><note><text>${'x'.repeat(5000)}</text></note></vcard>`,
    ),
  );
  assert.equal(odd?.birthday, '');
  assert.equal(odd?.note.length, 2000);
});

test('vCard-temp is read as the fallback', () => {
  const temp = stanzaFromText(
    '<vCard xmlns="vcard-temp"><FN>Grace Hopper</FN><NICKNAME>amazing grace</NICKNAME><EMAIL><USERID>grace@example.org</USERID></EMAIL><TEL><NUMBER>+1 555</NUMBER></TEL><ORG><ORGNAME>Navy</ORGNAME></ORG><DESC>COBOL</DESC><BDAY>1906-12-09</BDAY></vCard>',
  );
  assert.deepEqual(parseVcardTemp(temp), {
    fullName: 'Grace Hopper',
    nickname: 'amazing grace',
    email: 'grace@example.org',
    phone: '+1 555',
    url: '',
    organisation: 'Navy',
    note: 'COBOL',
    birthday: '1906-12-09',
  });
});
