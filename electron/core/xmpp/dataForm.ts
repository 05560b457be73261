// Reading and submitting XEP-0004 data forms.
import {
  DATA_FIELD_TYPES,
  type DataField,
  type DataFieldType,
  type DataForm,
  type DataFormValues,
} from '../../../shared/model/dataForm.ts';
import { el, type Element, xml } from './stanza.ts';

export const NS_DATA = 'jabber:x:data';
const MAX_FIELDS = 200;

export function parseDataForm(x: Element | undefined): DataForm | undefined {
  if (!x?.is('x', NS_DATA)) return undefined;
  const fields: DataField[] = x
    .getChildren('field')
    .slice(0, MAX_FIELDS)
    .map((f) => {
      const type = (DATA_FIELD_TYPES as readonly string[]).includes(f.attrs.type ?? '')
        ? (f.attrs.type as DataFieldType)
        : 'text-single';
      return {
        var: f.attrs.var ?? '',
        type,
        label: f.attrs.label ?? f.attrs.var ?? '',
        description: f.getChildText('desc') ?? '',
        required: f.getChild('required') !== undefined,
        values: f.getChildren('value').map((v) => v.text()),
        options: f.getChildren('option').map((o) => ({
          label: o.attrs.label ?? o.getChildText('value') ?? '',
          value: o.getChildText('value') ?? '',
        })),
      };
    })
    .filter((f) => f.var !== '' || f.type === 'fixed');
  return { title: x.getChildText('title') ?? '', instructions: x.getChildText('instructions') ?? '', fields };
}

/** A submission: every field of the form (hidden ones keep their value), the user's values where given. */
export function buildSubmission(form: DataForm, values: DataFormValues): Element {
  return el(
    'x',
    NS_DATA,
    { type: 'submit' },
    ...form.fields
      .filter((f) => f.type !== 'fixed' && f.var)
      .map((f) => xml('field', { var: f.var }, ...(values[f.var] ?? f.values).map((v) => xml('value', {}, v)))),
  );
}
