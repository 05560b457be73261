// Sending corrections (XEP-0308) and retractions (XEP-0424) of our own messages. Receiving them is
// part of ingesting any message (services/messages.ts), whichever way it comes.
import { randomUUID } from 'node:crypto';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { ChatMessage, MessageEncryption, MessageId } from '../../../../shared/model/message.ts';
import { type EndToEnd, type ModuleContext, sealedWith } from '../../xmpp/module.ts';
import { type Element, el, xml } from '../../xmpp/stanza.ts';
import { NS_HINTS } from '../chat/chat.build.ts';
import { NS_CORRECT, NS_RETRACT, NS_SID } from '../chat/chat.parse.ts';

const NS_FALLBACK = 'urn:xmpp:fallback:0';
const RETRACT_FALLBACK = "This person attempted to retract a previous message, but it's unsupported by your client.";

export class EditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EditError';
  }
}

export interface EditsApi {
  correct(id: MessageId, body: string): Promise<ChatMessage>;
  retract(id: MessageId): Promise<ChatMessage>;
}

/** Who an encrypted edit is sealed for: the chat's peer, or the members of the room. */
export type EditRecipients = (message: ChatMessage) => Promise<readonly BareJid[]>;

/**
 * An edit of an encrypted message goes inside the same encryption (else the receivers refuse it, as we
 * refuse theirs): sealed for the chat's or room's devices, recorded with our own JID and device.
 */
async function sealedEdit(
  e2e: EndToEnd | undefined,
  message: ChatMessage,
  recipients: EditRecipients,
  body: string,
  inner: Element,
): Promise<{ elements: Element[]; encryption: MessageEncryption } | undefined> {
  const protocol = sealedWith(message.encryption);
  if (!protocol) return undefined;
  if (!e2e) throw new EditError('This message was encrypted; its correction cannot be encrypted here');
  const elements = await e2e.seal(await recipients(message), body, protocol, [inner], message.peer);
  return { elements, encryption: e2e.origin(protocol) };
}

export function setupEdits(ctx: ModuleContext, recipients: EditRecipients): EditsApi & { dispose(): void } {
  const { account, xmpp, store, emit, disco, e2e } = ctx;
  for (const ns of [NS_CORRECT, NS_RETRACT]) disco.addFeature(ns);
  const ownMessage = (id: MessageId): ChatMessage & { originId: string } => {
    const message = store.messages.get(id);
    if (!message || message.account !== account || message.direction !== 'out' || !message.originId)
      throw new EditError('Only your own messages can be changed');
    if (message.retracted) throw new EditError('This message was retracted');
    if (!xmpp.online) throw new EditError('Corrections and retractions need a connection');
    return { ...message, originId: message.originId };
  };
  const type = (message: ChatMessage): string => (message.groupchat ? 'groupchat' : 'chat');
  return {
    correct: async (id, body) => {
      const message = ownMessage(id);
      if (store.messages.lastOutgoing(account, message.peer)?.id !== id)
        throw new EditError('Only your last message in a chat can be corrected');
      const newId = randomUUID();
      const replace = el('replace', NS_CORRECT, { id: message.originId });
      const sealed = await sealedEdit(e2e, message, recipients, body, replace);
      await xmpp.send(
        xml(
          'message',
          { to: message.peer, type: type(message), id: newId },
          ...(sealed?.elements ?? [xml('body', {}, body)]),
          el('origin-id', NS_SID, { id: newId }),
          replace,
        ),
      );
      store.messages.correct(id, body, sealed?.encryption);
      const changed = { ...message, body, edited: true, ...(sealed ? { encryption: sealed.encryption } : {}) };
      emit('message.changed', changed);
      return changed;
    },
    retract: async (id) => {
      const message = ownMessage(id);
      const newId = randomUUID();
      const retraction = el('retract', NS_RETRACT, { id: message.originId });
      const sealed = await sealedEdit(e2e, message, recipients, RETRACT_FALLBACK, retraction);
      await xmpp.send(
        xml(
          'message',
          { to: message.peer, type: type(message), id: newId },
          retraction,
          el('fallback', NS_FALLBACK, { for: NS_RETRACT }),
          ...(sealed?.elements ?? [xml('body', {}, RETRACT_FALLBACK), el('store', NS_HINTS)]),
          el('origin-id', NS_SID, { id: newId }),
        ),
      );
      store.messages.retract(id);
      const changed = { ...message, body: '', retracted: true };
      emit('message.changed', changed);
      return changed;
    },
    dispose: () => {
      for (const ns of [NS_CORRECT, NS_RETRACT]) disco.removeFeature(ns);
    },
  };
}
