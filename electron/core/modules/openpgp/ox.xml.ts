// XEP-0373/0374 elements: the public-key list (shared by all of an account's devices: merged, never
// overwritten), a public key's data item, the secret-key backup, and <signcrypt> with its checks.
import { randomInt } from 'node:crypto';
import { Parser } from '@xmpp/xml';
import { el, type Element, xml } from '../../xmpp/stanza.ts';

export const NS_OX = 'urn:xmpp:openpgp:0';
export const NS_OX_IM = 'urn:xmpp:openpgp:im:0';
export const PUBLIC_KEYS_NODE = `${NS_OX}:public-keys`;
export const SECRET_KEY_NODE = `${NS_OX}:secret-key`;
export const keyNode = (fingerprint: string): string => `${PUBLIC_KEYS_NODE}:${fingerprint.toUpperCase()}`;
const FINGERPRINT = /^[0-9A-F]{40}$/u;
const MAX_LISTED = 50;

export interface ListedKey {
  fingerprint: string;
  date: string;
}

/** The announced keys; lower-case or malformed fingerprints are skipped (as Gajim does), each once. */
export function parseKeyList(list: Element | undefined): ListedKey[] {
  if (!list?.is('public-keys-list', NS_OX)) return [];
  const seen = new Set<string>();
  const keys: ListedKey[] = [];
  for (const entry of list.getChildren('pubkey-metadata')) {
    const fingerprint = entry.attrs['v4-fingerprint'] ?? '';
    if (!FINGERPRINT.test(fingerprint) || seen.has(fingerprint) || keys.length >= MAX_LISTED) continue;
    seen.add(fingerprint);
    keys.push({ fingerprint, date: entry.attrs.date ?? '' });
  }
  return keys;
}

export function buildKeyList(keys: readonly ListedKey[]): Element {
  return el(
    'public-keys-list',
    NS_OX,
    {},
    ...keys.map((k) => xml('pubkey-metadata', { 'v4-fingerprint': k.fingerprint, date: k.date })),
  );
}

/** Our key added to the list the account's other devices wrote (their keys stay). */
export function mergeKeyList(current: readonly ListedKey[], own: ListedKey): ListedKey[] {
  return current.some((k) => k.fingerprint === own.fingerprint) ? [...current] : [...current, own];
}

export function buildPubkey(binaryKey: Uint8Array, date: string): Element {
  return el('pubkey', NS_OX, { date }, xml('data', {}, Buffer.from(binaryKey).toString('base64')));
}

export function parsePubkey(item: Element | undefined): Uint8Array | undefined {
  const text = item?.getChild('pubkey', NS_OX)?.getChildText('data')?.replace(/\s+/gu, '') ?? '';
  return text && /^[A-Za-z0-9+/]+={0,2}$/u.test(text) ? Buffer.from(text, 'base64') : undefined;
}

const PAD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Random-length random text against length analysis (XEP-0373 §3.1). */
export function randomPadding(): string {
  return Array.from({ length: randomInt(16, 64) }, () => PAD[randomInt(PAD.length)]).join('');
}

/**
 * The plaintext of an XEP-0374 message: to whom, when, padding, and in the payload the body and the
 * stanza's other extensions (a correction, a reply, receipt and marker requests, the chat state).
 */
export function buildSigncrypt(
  to: readonly string[],
  time: Date,
  body: string,
  inner: readonly Element[] = [],
): string {
  return el(
    'signcrypt',
    NS_OX,
    {},
    ...to.map((jid) => xml('to', { jid })),
    xml('time', { stamp: time.toISOString().replace(/\.\d{3}Z$/u, 'Z') }),
    xml('rpad', {}, randomPadding()),
    xml('payload', {}, el('body', 'jabber:client', {}, body), ...inner),
  ).toString();
}

export interface OpenedSigncrypt {
  to: string[];
  time: number | undefined;
  body: string;
  /** The payload itself: Gajim moves corrections, retractions and more inside (they are read from it). */
  payload: Element | undefined;
}

/**
 * The content element of a decrypted message. Only <signcrypt> is used for chats (XEP-0374 §2.1); the
 * payload's body is read in either client namespace, `payload` by local name (Fluux puts it in jabber:client).
 */
export function parseSigncrypt(content: Element | undefined): OpenedSigncrypt | undefined {
  if (!content?.is('signcrypt', NS_OX)) return undefined;
  const payload = content.getChildren('payload')[0];
  const body = payload
    ?.getChildren('body')
    .find((b) => ['jabber:client', 'jabber:server', NS_OX].includes(b.getNS() ?? ''));
  const stamp = content.getChild('time')?.attrs.stamp;
  const time = stamp ? Date.parse(stamp) : Number.NaN;
  return {
    to: content
      .getChildren('to')
      .map((t) => t.attrs.jid ?? '')
      .filter(Boolean),
    time: Number.isFinite(time) ? time : undefined,
    body: body?.text() ?? '',
    payload,
  };
}

const MAX_CONTENT_CHARS = 1_200_000;
/** The decrypted content element, read as XML (one element; anything else, or too much, is refused). */
export function readContent(text: string): Element | undefined {
  if (text.length > MAX_CONTENT_CHARS) return undefined;
  const parser = new Parser();
  let element: Element | undefined;
  let failed = false;
  parser.on('element', (e: Element) => (element ??= e));
  parser.on('error', () => (failed = true));
  try {
    parser.write(`<content xmlns='jabber:client'>`);
    parser.write(text);
  } catch {
    return undefined;
  }
  return failed ? undefined : element;
}
