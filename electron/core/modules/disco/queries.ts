// XEP-0030 queries of any entity: its identities, features and extended forms (info), and its items. The
// one way the engine asks (the service browser, the upload and conference services, rooms).
import { type DiscoInfo, type DiscoItem, MAX_DISCO_ITEMS } from '../../../../shared/model/disco.ts';
import type { Connection } from '../../account/connection.ts';
import { NS_DATA, parseDataForm } from '../../xmpp/dataForm.ts';
import { el, type Element } from '../../xmpp/stanza.ts';
import { NS_DISCO_INFO } from './disco.ts';

export const NS_DISCO_ITEMS = 'http://jabber.org/protocol/disco#items';
const MAX_FEATURES = 500;

export function parseDiscoInfo(jid: string, node: string | undefined, query: Element | undefined): DiscoInfo {
  return {
    jid,
    ...(node ? { node } : {}),
    identities: (query?.getChildren('identity') ?? []).slice(0, 50).map((i) => ({
      category: i.attrs.category ?? '',
      type: i.attrs.type ?? '',
      name: i.attrs.name ?? '',
    })),
    features: [...new Set((query?.getChildren('feature') ?? []).map((f) => f.attrs.var ?? '').filter(Boolean))].slice(
      0,
      MAX_FEATURES,
    ),
    forms: (query?.getChildren('x', NS_DATA) ?? []).slice(0, 10).flatMap((x) => parseDataForm(x) ?? []),
  };
}

export function parseDiscoItems(query: Element | undefined): DiscoItem[] {
  return (query?.getChildren('item') ?? [])
    .filter((i) => i.attrs.jid)
    .slice(0, MAX_DISCO_ITEMS)
    .map((i) => ({
      jid: i.attrs.jid ?? '',
      ...(i.attrs.node ? { node: i.attrs.node } : {}),
      name: i.attrs.name ?? '',
    }));
}

/** A field of an extended-information form (XEP-0128) of the given FORM_TYPE, e.g. the upload size limit. */
export function extendedField(info: DiscoInfo | undefined, formType: string, field: string): string | undefined {
  const form = info?.forms.find((f) => f.fields.some((x) => x.var === 'FORM_TYPE' && x.values[0] === formType));
  return form?.fields.find((x) => x.var === field)?.values[0];
}

export async function discoInfo(xmpp: Connection, jid: string, node?: string, timeoutMs?: number): Promise<DiscoInfo> {
  const answer = await xmpp.iq('get', jid, el('query', NS_DISCO_INFO, node ? { node } : {}), timeoutMs);
  return parseDiscoInfo(jid, node, answer.getChild('query', NS_DISCO_INFO));
}

export async function discoItems(xmpp: Connection, jid: string, node?: string): Promise<DiscoItem[]> {
  const answer = await xmpp.iq('get', jid, el('query', NS_DISCO_ITEMS, node ? { node } : {}));
  return parseDiscoItems(answer.getChild('query', NS_DISCO_ITEMS));
}
