// vCard4 in XML (RFC 6351, as XEP-0292 carries it) and vCard-temp (XEP-0054) to and from a Profile.
import { EMPTY_PROFILE, MAX_PROFILE_FIELD_CHARS, type Profile } from '../../../../shared/model/profile.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';

export const NS_VCARD4 = 'urn:ietf:params:xml:ns:vcard-4.0';
const clip = (text: string | null | undefined): string => (text ?? '').trim().slice(0, MAX_PROFILE_FIELD_CHARS);
const BIRTHDAY = /^\d{4}-\d{2}-\d{2}$/u;

/** vCard4 properties: which value element each field is written with. */
const VCARD4: Array<[keyof Profile, string, 'text' | 'uri' | 'date']> = [
  ['fullName', 'fn', 'text'],
  ['nickname', 'nickname', 'text'],
  ['email', 'email', 'text'],
  ['phone', 'tel', 'uri'],
  ['url', 'url', 'uri'],
  ['organisation', 'org', 'text'],
  ['note', 'note', 'text'],
  ['birthday', 'bday', 'date'],
];

export function parseVcard4(vcard: Element | undefined): Profile | undefined {
  if (!vcard?.is('vcard', NS_VCARD4)) return undefined;
  const profile: Profile = { ...EMPTY_PROFILE };
  for (const [field, name, kind] of VCARD4) {
    const property = vcard.getChild(name, NS_VCARD4);
    let value = clip(property?.getChildText(kind, NS_VCARD4) ?? property?.getChildText('text', NS_VCARD4));
    if (field === 'phone') value = value.replace(/^tel:/iu, '');
    if (field === 'birthday' && !BIRTHDAY.test(value)) value = '';
    profile[field] = value;
  }
  return profile;
}

export function buildVcard4(profile: Profile): Element {
  return el(
    'vcard',
    NS_VCARD4,
    {},
    ...VCARD4.filter(([field]) => profile[field].trim()).map(([field, name, kind]) => {
      const value = clip(profile[field]);
      return xml(name, {}, xml(kind, {}, field === 'phone' ? `tel:${value.replace(/\s+/gu, '')}` : value));
    }),
  );
}

/** vCard-temp (XEP-0054), read when a contact has no vCard4. */
export function parseVcardTemp(vcard: Element | undefined): Profile | undefined {
  if (!vcard) return undefined;
  const text = (...path: string[]): string => {
    let at: Element | undefined = vcard;
    for (const name of path.slice(0, -1)) at = at?.getChild(name);
    return clip(at?.getChildText(path.at(-1) ?? ''));
  };
  const birthday = text('BDAY');
  return {
    fullName: text('FN'),
    nickname: text('NICKNAME'),
    email: text('EMAIL', 'USERID') || text('EMAIL'),
    phone: text('TEL', 'NUMBER'),
    url: text('URL'),
    organisation: text('ORG', 'ORGNAME'),
    note: text('DESC') || text('NOTE'),
    birthday: BIRTHDAY.test(birthday) ? birthday : '',
  };
}
