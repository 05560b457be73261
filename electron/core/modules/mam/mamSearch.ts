// "Search older messages on the server": XEP-0431 full-text search in our own archive (XEP-0313), for
// history this device never stored. Results are shown, not stored: they are scattered across time, and
// the chat's history reaches them by paging back. Encrypted messages cannot be searched on a server.
import { randomUUID } from 'node:crypto';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { ServerSearchHit, ServerSearchResult } from '../../../../shared/model/search.ts';
import type { Connection } from '../../account/connection.ts';
import { type Element, el, xml } from '../../xmpp/stanza.ts';
import { parseForwardedChat } from '../chat/chat.parse.ts';
import { NS_MAM, NS_RSM, parseArchiveResult, parseFin } from './mam.query.ts';

const NS_DATA = 'jabber:x:data';
/** XEP-0431's field, and the older name some servers still use. */
const FULLTEXT_FIELDS = ['{urn:xmpp:fulltext:0}fulltext', 'withtext'];
const PAGE = 50;

/** Which full-text field the archive's query form offers, if any. */
async function fullTextField(xmpp: Connection): Promise<string | undefined> {
  const answer = await xmpp.iq('get', undefined, el('query', NS_MAM), 15_000);
  const vars = new Set(
    answer
      .getChild('query', NS_MAM)
      ?.getChild('x', NS_DATA)
      ?.getChildren('field')
      .map((f) => f.attrs.var ?? ''),
  );
  return FULLTEXT_FIELDS.find((v) => vars.has(v));
}

function buildSearch(queryId: string, field: string, text: string, peer: BareJid | undefined, before: string): Element {
  return el(
    'query',
    NS_MAM,
    { queryid: queryId },
    el(
      'x',
      NS_DATA,
      { type: 'submit' },
      xml('field', { var: 'FORM_TYPE', type: 'hidden' }, xml('value', {}, NS_MAM)),
      ...(peer ? [xml('field', { var: 'with' }, xml('value', {}, peer))] : []),
      xml('field', { var: field }, xml('value', {}, text)),
    ),
    el('set', NS_RSM, {}, xml('max', {}, String(PAGE)), xml('before', {}, before)),
  );
}

export async function searchServerArchive(
  xmpp: Connection,
  request: { text: string; peer?: BareJid | undefined; before?: string | undefined },
): Promise<ServerSearchResult> {
  const own = xmpp.bareJid;
  const field = own ? await fullTextField(xmpp).catch(() => undefined) : undefined;
  if (!own || !field) return { supported: false, hits: [], complete: true };
  const queryId = randomUUID();
  const hits: ServerSearchHit[] = [];
  const off = xmpp.onMessage((stanza) => {
    const result = parseArchiveResult(stanza, queryId);
    if (!result || (stanza.attrs.from !== undefined && stanza.attrs.from !== own)) return;
    const parsed = parseForwardedChat(result.message, own, result.archiveId);
    if (!parsed || parsed.encrypted || !parsed.body || parsed.retracts) return;
    hits.push({
      archiveId: result.archiveId,
      peer: parsed.peer,
      direction: parsed.direction,
      body: parsed.body,
      timestamp: result.timestamp ?? parsed.timestamp ?? Date.now(),
    });
  });
  try {
    const answer = await xmpp.iq(
      'set',
      undefined,
      buildSearch(queryId, field, request.text, request.peer, request.before ?? ''),
      60_000,
    );
    const fin = parseFin(answer);
    // The archive sends a page oldest first (and stamps to the second): its own order, turned round.
    hits.reverse();
    return { supported: true, hits, complete: fin.complete, ...(fin.first ? { older: fin.first } : {}) };
  } finally {
    off();
  }
}
