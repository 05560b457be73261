import type { ChatMessage } from '../../../../shared/model/message.ts';
import { type Element, el, xml } from '../../xmpp/stanza.ts';
import { NS_SID } from './chat.parse.ts';

export function buildChatMessage(message: ChatMessage, to: string): Element {
  return xml('message', { type: 'chat', to, id: message.id },
    xml('body', {}, message.body),
    el('origin-id', NS_SID, { id: message.originId ?? message.id }));
}
