// Our replies and reactions: the id the protocol wants for the message we point at (the room's
// stanza-id in rooms, the message id otherwise), the fallback quote, and the reactions stanza.
import { randomUUID } from 'node:crypto';
import type { AccountId } from '../../../shared/model/account.ts';
import type { BareJid } from '../../../shared/model/jid.ts';
import type { ChatMessage, MessageId, ReplyTo } from '../../../shared/model/message.ts';
import type { Store } from '../store/index.ts';
import { el, type Element, xml } from '../xmpp/stanza.ts';
import { codePoints, fallbackQuote, NS_FALLBACK, NS_REACTIONS, NS_REPLY } from '../xmpp/relations.ts';
import { UserError } from '../userError.ts';

const NS_HINTS = 'urn:xmpp:hints';

/** The id a reply or reaction names: undefined for a room message the room gave no id (it cannot be answered). */
export function referenceOf(message: ChatMessage): string | undefined {
  return message.groupchat ? message.stanzaId : (message.originId ?? message.id);
}

export function targetOf(store: Store, account: AccountId, peer: BareJid, id: MessageId): ChatMessage {
  const target = store.messages.get(id);
  if (!target || target.account !== account || target.peer !== peer)
    throw new UserError('That message is not in this conversation', 'not-in-conversation');
  return target;
}

/** What our reply to `target` carries; `ownJid` is how we appear (full JID, or our nick in a room). */
export function replyTo(target: ChatMessage, ownJid: string, ownBare: string): ReplyTo {
  const id = referenceOf(target);
  if (!id) throw new UserError('The room gave this message no id, so it cannot be answered', 'no-message-id');
  const author = target.groupchat ? target.from : target.direction === 'out' ? ownBare : target.peer;
  const to = target.groupchat
    ? `${target.peer}/${target.from}`
    : target.direction === 'out'
      ? ownJid
      : target.from || target.peer;
  return { id, to, quote: fallbackQuote(author, target.retracted ? '…' : target.body) };
}

/** The text as it goes on the wire: the fallback quote in front for clients without replies. */
export const wireBody = (message: Pick<ChatMessage, 'body' | 'replyTo'>): string =>
  message.replyTo?.quote ? `${message.replyTo.quote}${message.body}` : message.body;

/** <reply/> and its <fallback/> range, for a message that answers another. */
export function replyElements(message: Pick<ChatMessage, 'replyTo'>): Element[] {
  const reply = message.replyTo;
  if (!reply) return [];
  return [
    el('reply', NS_REPLY, { id: reply.id, ...(reply.to ? { to: reply.to } : {}) }),
    ...(reply.quote
      ? [el('fallback', NS_FALLBACK, { for: NS_REPLY }, xml('body', { start: 0, end: codePoints(reply.quote) }))]
      : []),
  ];
}

/** Our whole set of reactions to a message (an empty set removes them). */
export function reactionsStanza(target: ChatMessage, emojis: readonly string[]): Element {
  const id = referenceOf(target);
  if (!id) throw new UserError('The room gave this message no id, so it cannot be reacted to', 'no-message-id');
  return xml(
    'message',
    { to: target.peer, type: target.groupchat ? 'groupchat' : 'chat', id: randomUUID() },
    el('reactions', NS_REACTIONS, { id }, ...emojis.map((e) => xml('reaction', {}, e))),
    el('store', NS_HINTS),
  );
}
