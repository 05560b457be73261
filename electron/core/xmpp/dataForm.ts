// Reading and submitting XEP-0004 data forms.
import {
  DATA_FIELD_TYPES,
  FORM_MEDIA_TYPES,
  MAX_FORM_MEDIA_BYTES,
  type DataField,
  type DataFieldType,
  type DataForm,
  type DataFormValues,
} from '../../../shared/model/dataForm.ts';
import { el, type Element, xml } from './stanza.ts';

export const NS_DATA = 'jabber:x:data';
const MAX_FIELDS = 200;

const NS_MEDIA = 'urn:xmpp:media-element';
const NS_BOB = 'urn:xmpp:bob';

export type BobData = ReadonlyMap<string, { type: string; base64: string }>;

/** The XEP-0231 data carried in a stanza (a CAPTCHA's image), by cid; only images, only small ones. */
export function bobData(root: Element | undefined, depth = 0): Map<string, { type: string; base64: string }> {
  const found = new Map<string, { type: string; base64: string }>();
  if (!root || depth > 4) return found;
  for (const child of root.getChildElements()) {
    if (child.is('data', NS_BOB)) {
      const type = child.attrs.type ?? '';
      const base64 = child.text().replace(/\s+/gu, '');
      if (
        child.attrs.cid &&
        (FORM_MEDIA_TYPES as readonly string[]).includes(type) &&
        /^[A-Za-z0-9+/]*={0,2}$/u.test(base64) &&
        (base64.length * 3) / 4 <= MAX_FORM_MEDIA_BYTES
      )
        found.set(child.attrs.cid, { type, base64 });
    } else for (const [cid, data] of bobData(child, depth + 1)) found.set(cid, data);
  }
  return found;
}

/** A field's image (XEP-0221) when its bytes came in the stanza (XEP-0231); URLs are never followed. */
export function fieldMedia(field: Element, bob: BobData): DataField['media'] {
  for (const uri of field.getChild('media', NS_MEDIA)?.getChildren('uri') ?? []) {
    const text = uri.text().trim();
    const data = text.startsWith('cid:') ? bob.get(text.slice(4)) : undefined;
    if (data) return data;
  }
  return undefined;
}

export function parseDataForm(x: Element | undefined, bob: BobData = new Map()): DataForm | undefined {
  if (!x?.is('x', NS_DATA)) return undefined;
  const fields: DataField[] = x
    .getChildren('field')
    .slice(0, MAX_FIELDS)
    .map((f) => {
      const media = fieldMedia(f, bob);
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
        ...(media ? { media } : {}),
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
