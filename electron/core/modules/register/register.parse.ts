import type { RegistrationField, RegistrationForm } from '../../../../shared/model/account.ts';
import type { Element } from '../../xmpp/stanza.ts';

export const NS_REGISTER = 'jabber:iq:register';
export const NS_DATA = 'jabber:x:data';
const LEGACY_FIELDS = ['username', 'password', 'email', 'name', 'nick', 'first', 'last', 'phone', 'url'];
const LABELS: Record<string, string> = {
  username: 'Username',
  password: 'Password',
  email: 'Email',
  name: 'Name',
  nick: 'Nickname',
};

function dataFormFields(form: Element): RegistrationField[] {
  return form.getChildren('field', NS_DATA).flatMap((field): RegistrationField[] => {
    const name = field.attrs.var;
    if (!name) return [];
    const type =
      field.attrs.type === 'hidden'
        ? 'hidden'
        : field.attrs.type === 'text-private' || name === 'password'
          ? 'password'
          : 'text';
    const value = field.getChildText('value', NS_DATA) ?? undefined;
    return [
      {
        name,
        label: field.attrs.label ?? LABELS[name] ?? name,
        type,
        required: field.getChild('required', NS_DATA) !== undefined || name === 'username' || name === 'password',
        ...(value !== undefined ? { value } : {}),
      },
    ];
  });
}

/** The server's registration form: its data form (XEP-0004) when it sends one, else the legacy fields. */
export function parseRegistrationForm(query: Element | undefined): RegistrationForm & { dataForm: boolean } {
  const form = query?.getChild('x', NS_DATA);
  if (form) {
    return {
      instructions: form.getChildText('instructions', NS_DATA) ?? query?.getChildText('instructions') ?? '',
      fields: dataFormFields(form),
      dataForm: true,
    };
  }
  const fields = LEGACY_FIELDS.filter((name) => query?.getChild(name) !== undefined).map((name): RegistrationField => ({
    name,
    label: LABELS[name] ?? name,
    type: name === 'password' ? 'password' : 'text',
    required: name === 'username' || name === 'password',
  }));
  return { instructions: query?.getChildText('instructions') ?? '', fields, dataForm: false };
}
