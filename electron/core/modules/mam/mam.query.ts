// Building XEP-0313 (MAM v2) queries with RSM (XEP-0059) paging, and reading their results.
import type { BareJid } from '../../../../shared/model/jid.ts';
import { type Element, el, xml } from '../../xmpp/stanza.ts';

export const NS_MAM = 'urn:xmpp:mam:2';
export const NS_RSM = 'http://jabber.org/protocol/rsm';
const NS_DATA = 'jabber:x:data';
const NS_FORWARD = 'urn:xmpp:forward:0';
const NS_DELAY = 'urn:xmpp:delay';

export interface ArchiveQuery {
  queryId: string;
  with?: BareJid;
  start?: Date;
  /** Page forward from this archive id. */
  after?: string;
  /** Page backward from this archive id ('' = from the newest). */
  before?: string;
  max: number;
}

export function buildArchiveQuery(query: ArchiveQuery): Element {
  const fields = [
    xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, NS_MAM)),
    ...(query.with ? [xml('field', { var: 'with' }, xml('value', {}, query.with))] : []),
    ...(query.start ? [xml('field', { var: 'start' }, xml('value', {}, query.start.toISOString()))] : []),
  ];
  const paging = [
    xml('max', {}, String(query.max)),
    ...(query.after !== undefined ? [xml('after', {}, query.after)] : []),
    ...(query.before !== undefined ? [xml('before', {}, query.before)] : []),
  ];
  return el(
    'query',
    NS_MAM,
    { queryid: query.queryId },
    el('x', NS_DATA, { type: 'submit' }, ...fields),
    el('set', NS_RSM, {}, ...paging),
  );
}

export interface ArchivedMessage {
  archiveId: string;
  timestamp: number | undefined;
  message: Element;
}

/** One result of our query, or undefined when the stanza is not one (or not for this query). */
export function parseArchiveResult(stanza: Element, queryId: string): ArchivedMessage | undefined {
  const result = stanza.getChild('result', NS_MAM);
  if (!result || result.attrs.queryid !== queryId || !result.attrs.id) return undefined;
  const forwarded = result.getChild('forwarded', NS_FORWARD);
  const message = forwarded?.getChild('message');
  if (!message) return undefined;
  const stamp = Date.parse(forwarded?.getChild('delay', NS_DELAY)?.attrs.stamp ?? '');
  return {
    archiveId: result.attrs.id,
    timestamp: Number.isFinite(stamp) ? Math.min(stamp, Date.now()) : undefined,
    message,
  };
}

export interface ArchivePage {
  complete: boolean;
  first: string | undefined;
  last: string | undefined;
}

export function parseFin(iqResult: Element): ArchivePage {
  const fin = iqResult.getChild('fin', NS_MAM);
  const set = fin?.getChild('set', NS_RSM);
  return {
    complete: fin?.attrs.complete === 'true' || fin?.attrs.complete === '1',
    first: set?.getChildText('first') ?? undefined,
    last: set?.getChildText('last') ?? undefined,
  };
}
