import type { RegistrationField, RegistrationForm } from '../../../../shared/model/account.ts';
import { bobData, type BobData, fieldMedia } from '../../xmpp/dataForm.ts';
import { el, type Element, xml } from '../../xmpp/stanza.ts';

export const NS_REGISTER = 'jabber:iq:register';
export const NS_DATA = 'jabber:x:data';
const NS_CAPTCHA = 'urn:xmpp:captcha';
const MAX_FIELDS = 50;
const LEGACY_FIELDS = ['username', 'password', 'email', 'name', 'nick', 'first', 'last', 'phone', 'url'];
const LABELS: Record<string, string> = {
  username: 'Username',
  password: 'Password',
  email: 'Email',
  name: 'Name',
  nick: 'Nickname',
};

export interface ParsedRegistrationForm extends RegistrationForm {
  dataForm: boolean;
  /** The form carries a CAPTCHA (XEP-0158): a refusal then most likely means a wrong answer. */
  captcha: boolean;
  /** We are registered already (a gateway's form then holds our current values). */
  registered: boolean;
}

function fieldType(field: Element, name: string): RegistrationField['type'] {
  if (field.attrs.type === 'hidden') return 'hidden';
  if (field.attrs.type === 'fixed') return 'fixed';
  return field.attrs.type === 'text-private' || name === 'password' ? 'password' : 'text';
}

function dataFormFields(form: Element, bob: BobData): RegistrationField[] {
  return form
    .getChildren('field', NS_DATA)
    .slice(0, MAX_FIELDS)
    .flatMap((field, index): RegistrationField[] => {
      const type = fieldType(field, field.attrs.var ?? '');
      // Fixed fields may have no var: they are text to read, named only so the form can list them.
      const name = field.attrs.var || (type === 'fixed' ? `fixed-${index}` : '');
      if (!name) return [];
      const value = field.getChildText('value', NS_DATA) ?? undefined;
      const media = fieldMedia(field, bob);
      return [
        {
          name,
          label: field.attrs.label ?? LABELS[name] ?? (type === 'fixed' ? '' : name),
          type,
          required:
            type !== 'fixed' &&
            (field.getChild('required', NS_DATA) !== undefined || name === 'username' || name === 'password'),
          ...(value !== undefined ? { value } : {}),
          ...(media ? { media } : {}),
        },
      ];
    });
}

/** The server's registration form: its data form (XEP-0004) when it sends one, else the legacy fields. */
export function parseRegistrationForm(query: Element | undefined): ParsedRegistrationForm {
  const form = query?.getChild('x', NS_DATA);
  if (form) {
    const fields = dataFormFields(form, bobData(query));
    return {
      instructions: form.getChildText('instructions', NS_DATA) ?? query?.getChildText('instructions') ?? '',
      fields,
      dataForm: true,
      // XEP-0158 puts its FORM_TYPE first; ejabberd keeps jabber:iq:register and adds the challenge field.
      captcha: fields.some((f) => (f.name === 'FORM_TYPE' && f.value === NS_CAPTCHA) || f.name === 'challenge'),
      registered: query?.getChild('registered') !== undefined,
    };
  }
  const fields = LEGACY_FIELDS.filter((name) => query?.getChild(name) !== undefined).map((name): RegistrationField => {
    const value = name === 'password' ? '' : (query?.getChildText(name) ?? '');
    return {
      name,
      label: LABELS[name] ?? name,
      type: name === 'password' ? 'password' : 'text',
      required: name === 'username' || name === 'password',
      ...(value ? { value } : {}),
    };
  });
  return {
    instructions: query?.getChildText('instructions') ?? '',
    fields,
    dataForm: false,
    captcha: false,
    registered: query?.getChild('registered') !== undefined,
  };
}

/** The filled-in form (XEP-0077 §3.1 legacy fields, or the data form with its hidden fields kept). */
export function registrationQuery(form: ParsedRegistrationForm, values: Record<string, string>): Element {
  if (!form.dataForm)
    return el(
      'query',
      NS_REGISTER,
      {},
      ...form.fields.filter((f) => values[f.name] !== undefined).map((f) => xml(f.name, {}, values[f.name])),
    );
  return el(
    'query',
    NS_REGISTER,
    {},
    el(
      'x',
      NS_DATA,
      { type: 'submit' },
      ...form.fields
        .filter((f) => f.type !== 'fixed')
        .map((f) => xml('field', { var: f.name }, xml('value', {}, values[f.name] ?? f.value ?? ''))),
    ),
  );
}
