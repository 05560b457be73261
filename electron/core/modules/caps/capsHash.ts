// XEP-0115 §5: the verification string of a disco#info answer (identities with their xml:lang, features,
// and extended forms by FORM_TYPE), hashed with SHA-1 and base64'd; what a caps `ver` must equal.
import { createHash } from 'node:crypto';
import type { Element } from '../../xmpp/stanza.ts';

const NS_DATA = 'jabber:x:data';
const byOctets = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** undefined: the answer is not one a ver can be trusted for (duplicates, a form without FORM_TYPE). */
export function capsHash(query: Element): string | undefined {
  const identities = query
    .getChildren('identity')
    .map((i) => `${i.attrs.category ?? ''}/${i.attrs.type ?? ''}/${i.attrs['xml:lang'] ?? ''}/${i.attrs.name ?? ''}`);
  const features = query.getChildren('feature').map((f) => f.attrs.var ?? '');
  if (new Set(identities).size !== identities.length || new Set(features).size !== features.length) return undefined;
  const forms: Array<{ type: string; text: string }> = [];
  for (const form of query.getChildren('x', NS_DATA)) {
    const fields = form.getChildren('field');
    const formType = fields.find((f) => f.attrs.var === 'FORM_TYPE');
    if (!formType || formType.attrs.type !== 'hidden') return undefined;
    const type = formType.getChildText('value') ?? '';
    const rest = fields
      .filter((f) => f.attrs.var !== 'FORM_TYPE')
      .map((f) => ({
        name: f.attrs.var ?? '',
        values: f
          .getChildren('value')
          .map((v) => v.text())
          .sort(byOctets),
      }))
      .sort((a, b) => byOctets(a.name, b.name));
    forms.push({
      type,
      text: `${type}<${rest.map((f) => `${f.name}<${f.values.map((v) => `${v}<`).join('')}`).join('')}`,
    });
  }
  if (new Set(forms.map((f) => f.type)).size !== forms.length) return undefined;
  const text =
    identities
      .sort(byOctets)
      .map((i) => `${i}<`)
      .join('') +
    features
      .sort(byOctets)
      .map((f) => `${f}<`)
      .join('') +
    forms
      .sort((a, b) => byOctets(a.type, b.type))
      .map((f) => f.text)
      .join('');
  return createHash('sha1').update(text, 'utf8').digest('base64');
}
