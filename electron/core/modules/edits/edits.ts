// Sending corrections (XEP-0308) and retractions (XEP-0424) of our own messages. Receiving them is
// part of ingesting any message (services/messages.ts), whichever way it comes.
import { randomUUID } from 'node:crypto';
import type { ChatMessage, MessageId } from '../../../../shared/model/message.ts';
import type { XmppModule } from '../../xmpp/module.ts';
import { el, xml } from '../../xmpp/stanza.ts';
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

export const edits: XmppModule<EditsApi> = {
  id: 'xep-0308-0424-edits',
  setup({ account, xmpp, store, emit, disco }) {
    for (const ns of [NS_CORRECT, NS_RETRACT]) disco.addFeature(ns);
    const ownMessage = (id: MessageId): ChatMessage & { originId: string } => {
      const message = store.messages.get(id);
      if (!message || message.account !== account || message.direction !== 'out' || !message.originId)
        throw new EditError('Only your own messages can be changed');
      if (message.retracted) throw new EditError('This message was retracted');
      if (!xmpp.online) throw new EditError('Corrections and retractions need a connection');
      return { ...message, originId: message.originId };
    };
    return {
      correct: async (id, body) => {
        const message = ownMessage(id);
        if (store.messages.lastOutgoing(account, message.peer)?.id !== id)
          throw new EditError('Only your last message in a chat can be corrected');
        const newId = randomUUID();
        await xmpp.send(
          xml(
            'message',
            { to: message.peer, type: message.groupchat ? 'groupchat' : 'chat', id: newId },
            xml('body', {}, body),
            el('origin-id', NS_SID, { id: newId }),
            el('replace', NS_CORRECT, { id: message.originId }),
          ),
        );
        store.messages.correct(id, body);
        const changed = { ...message, body, edited: true };
        emit('message.changed', changed);
        return changed;
      },
      retract: async (id) => {
        const message = ownMessage(id);
        const newId = randomUUID();
        await xmpp.send(
          xml(
            'message',
            { to: message.peer, type: message.groupchat ? 'groupchat' : 'chat', id: newId },
            el('retract', NS_RETRACT, { id: message.originId }),
            el('fallback', NS_FALLBACK, { for: NS_RETRACT }),
            xml('body', {}, RETRACT_FALLBACK),
            el('origin-id', NS_SID, { id: newId }),
            el('store', NS_HINTS),
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
  },
};
