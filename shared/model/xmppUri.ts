// xmpp: URIs and IRIs (RFC 5122) with the query actions of XEP-0147 that the app acts on. Parsed
// strictly: anything that is not a valid JID, has control or bidi characters, or is too long is refused.
import { type BareJid, parseJid, toBareJid } from './jid.ts';
import { parseVerificationUri } from './omemo.ts';

export type XmppUriAction =
  | { kind: 'chat'; jid: BareJid; body?: string }
  | { kind: 'join'; room: BareJid; password?: string; nick?: string }
  | { kind: 'roster'; jid: BareJid; name?: string; group?: string; subscribe: boolean }
  | { kind: 'verify'; jid: BareJid; devices: { id: number; fingerprint: string }[] }
  | { kind: 'register'; server: string }
  | { kind: 'unknown'; jid: BareJid; action: string };

export interface ParsedXmppUri {
  /** The account named in the authority part (xmpp://me@example.org/…), when there is one. */
  account?: BareJid;
  action: XmppUriAction;
}

export const MAX_XMPP_URI_CHARS = 4096;
// Control characters, and the invisible and bidi ones that make a JID or a body read as something else.
const FORBIDDEN = /[\p{Cc}\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/u;

function decode(part: string): string | undefined {
  try {
    const text = decodeURIComponent(part);
    return FORBIDDEN.test(text) ? undefined : text;
  } catch {
    return undefined;
  }
}

function jidOf(part: string): BareJid | undefined {
  const text = decode(part);
  if (text === undefined) return undefined;
  const parts = parseJid(text);
  return parts ? toBareJid(`${parts.local ? `${parts.local}@` : ''}${parts.domain}`) : undefined;
}

function parseQuery(query: string): { type: string; params: Map<string, string> } | undefined {
  const [type = '', ...pairs] = query.split(';');
  const params = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = decode(eq === -1 ? pair : pair.slice(0, eq));
    const value = eq === -1 ? '' : decode(pair.slice(eq + 1).replace(/\+/gu, '%20'));
    if (key === undefined || value === undefined) return undefined;
    if (!params.has(key)) params.set(key, value);
  }
  const decodedType = decode(type);
  return decodedType === undefined ? undefined : { type: decodedType, params };
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> =>
  value ? ({ [key]: value } as Record<K, string>) : {};

/** Parses an xmpp: URI, or returns undefined for anything that is not one (other schemes included). */
export function parseXmppUri(input: string): ParsedXmppUri | undefined {
  if (typeof input !== 'string' || input.length > MAX_XMPP_URI_CHARS) return undefined;
  const match = /^xmpp:(?:\/\/([^/?#]+)\/?)?([^?#]*)(?:\?([^#]*))?(?:#.*)?$/isu.exec(input.trim());
  if (!match) return undefined;
  const [, authority, path = '', query] = match;
  const account = authority !== undefined ? jidOf(authority) : undefined;
  if (authority !== undefined && !account) return undefined;
  const jid = jidOf(path);
  if (!jid) return undefined;
  const parsed = query !== undefined ? parseQuery(query) : { type: '', params: new Map<string, string>() };
  if (!parsed) return undefined;
  const { type, params } = parsed;
  const withAccount = (action: XmppUriAction): ParsedXmppUri => ({ ...(account ? { account } : {}), action });
  if (type === '' || type === 'message')
    return withAccount({ kind: 'chat', jid, ...optional('body', params.get('body')) });
  if (type === 'join') {
    return withAccount({
      kind: 'join',
      room: jid,
      ...optional('password', params.get('password')),
      ...optional('nick', params.get('nick')),
    });
  }
  if (type === 'roster' || type === 'subscribe') {
    return withAccount({
      kind: 'roster',
      jid,
      subscribe: true,
      ...optional('name', params.get('name')),
      ...optional('group', params.get('group')),
    });
  }
  if (type === 'register') return withAccount({ kind: 'register', server: jid.slice(jid.indexOf('@') + 1) });
  if (type.startsWith('omemo-sid-')) {
    // Conversations' verification links: the first omemo-sid-N=fingerprint pair stands where the action would.
    const found = parseVerificationUri(input);
    if (found?.fingerprints.length) return withAccount({ kind: 'verify', jid, devices: found.fingerprints });
  }
  return withAccount({ kind: 'unknown', jid, action: type.slice(0, 64) });
}
