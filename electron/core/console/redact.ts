// What the XML console may show: a copy of a stanza with secrets replaced by a marker. Passwords, SASL
// exchanges, login tokens, upload authorisation headers and OMEMO/OpenPGP key material never reach it.
import { type Element, xml } from '../xmpp/stanza.ts';

export const REDACTED = '[redacted]';

const NS_SASL = 'urn:ietf:params:xml:ns:xmpp-sasl';
const NS_SASL2 = 'urn:xmpp:sasl:2';
const NS_FAST = 'urn:xmpp:fast:0';
const NS_OMEMO = 'eu.siacs.conversations.axolotl';
const NS_OMEMO2 = 'urn:xmpp:omemo:2';
const NS_OPENPGP = 'urn:xmpp:openpgp:0';
const NS_DATA = 'jabber:x:data';
const NS_UPLOAD = 'urn:xmpp:http:upload:0';
const NS_REGISTER = 'jabber:iq:register';
const NS_AUTH = 'jabber:iq:auth';
const NS_MUC = 'http://jabber.org/protocol/muc';
const NS_MUC_USER = `${NS_MUC}#user`;

/** Elements whose whole text is secret, by namespace: name (or '*' for every element of it). */
const SECRET_TEXT: Record<string, ReadonlySet<string> | '*'> = {
  [NS_SASL]: '*',
  [NS_SASL2]: new Set(['initial-response', 'response', 'challenge', 'additional-data', 'success']),
  [NS_FAST]: '*',
  [NS_REGISTER]: new Set(['password']),
  [NS_AUTH]: new Set(['password', 'digest', 'token']),
  [NS_MUC]: new Set(['password']),
  [NS_MUC_USER]: new Set(['password']),
  [NS_OMEMO]: new Set(['key', 'signedPreKeyPublic', 'signedPreKeySignature', 'identityKey', 'preKeyPublic']),
  [NS_OMEMO2]: new Set(['key', 'spk', 'spks', 'ik', 'pk']),
  [NS_OPENPGP]: new Set(['data', 'secretkey']),
};

const SECRET_FIELD = /pass|secret|token|key/iu;
const SECRET_HEADER = /^(authorization|cookie|proxy-authorization)$/iu;

function namespaceOf(element: Element, inherited: string): string {
  const own = element.attrs.xmlns;
  return typeof own === 'string' ? own : inherited;
}

function isSecret(element: Element, ns: string): boolean {
  const rule = SECRET_TEXT[ns];
  if (rule === '*' || rule?.has(element.name)) return true;
  if (ns === NS_UPLOAD && element.name === 'header') return SECRET_HEADER.test(String(element.attrs.name ?? ''));
  return false;
}

function isSecretField(field: Element): boolean {
  return field.attrs.type === 'text-private' || SECRET_FIELD.test(String(field.attrs.var ?? ''));
}

/**
 * The element with its secrets replaced: the element itself when nothing in it is secret (most stanzas), else
 * a copy of just the path down to what is replaced. The element the engine goes on to use is never changed.
 */
function scrubbed(element: Element, ns: string, inSecretField: boolean): Element {
  if ((isSecret(element, ns) || (inSecretField && element.name === 'value')) && element.children.length > 0) {
    const copy = xml(element.name, { ...element.attrs });
    copy.children = [REDACTED];
    return copy;
  }
  const secretField = ns === NS_DATA && element.name === 'field' && isSecretField(element);
  let children: Element['children'] | undefined;
  element.children.forEach((node, i) => {
    if (typeof node === 'string') return;
    const clean = scrubbed(node, namespaceOf(node, ns), secretField);
    if (clean === node) return;
    children ??= [...element.children];
    children[i] = clean;
  });
  if (!children) return element;
  const copy = xml(element.name, { ...element.attrs });
  copy.children = children;
  return copy;
}

/** The XML console's text of a stanza, redacted. */
export function redactedText(element: Element): string {
  return scrubbed(element, namespaceOf(element, 'jabber:client'), false).toString();
}
