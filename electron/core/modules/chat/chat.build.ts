import { replyElements, wireBody } from '../../services/relationsOut.ts';
import type { ChatMessage } from '../../../../shared/model/message.ts';
import { type Element, el, xml } from '../../xmpp/stanza.ts';
import { NS_SID } from './chat.parse.ts';

export const NS_RECEIPTS = 'urn:xmpp:receipts';
export const NS_MARKERS = 'urn:xmpp:chat-markers:0';
export const NS_CHATSTATES = 'http://jabber.org/protocol/chatstates';
export const NS_HINTS = 'urn:xmpp:hints';
export const NS_OOB = 'jabber:x:oob';

/** XEP-0066: marks the body's URL as a shared file, which other clients show inline. */
export function oobElement(url: string | undefined): Element | undefined {
  return url ? el('x', NS_OOB, {}, xml('url', {}, url)) : undefined;
}

/**
 * A chat message that asks for a delivery receipt (XEP-0184) and read markers (XEP-0333). `sealed`:
 * the encrypted form (and its fallback body) that replaces the plain body and file link.
 */
/** A chat message's extensions besides its body and origin-id (what an OpenPGP payload carries too). */
export function chatExtensions(message: ChatMessage): Element[] {
  return [
    ...replyElements(message),
    el('request', NS_RECEIPTS),
    el('markable', NS_MARKERS),
    el('active', NS_CHATSTATES),
  ];
}

export function buildChatMessage(message: ChatMessage, to: string, sealed?: Element[]): Element {
  return xml(
    'message',
    { type: 'chat', to, id: message.id },
    ...(sealed ?? [xml('body', {}, wireBody(message)), oobElement(message.oobUrl)]),
    ...chatExtensions(message),
    el('origin-id', NS_SID, { id: message.originId ?? message.id }),
  );
}
