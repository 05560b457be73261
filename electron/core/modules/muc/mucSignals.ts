// What a room says about messages rather than with them: a moderator's retraction (XEP-0425), a read
// marker in a private group (XEP-0333), someone typing (XEP-0085). Only rooms we are in count.
import type { AccountId } from '../../../../shared/model/account.ts';
import type { BareJid } from '../../../../shared/model/jid.ts';
import type { CoreEmitter } from '../../events.ts';
import type { Store } from '../../store/index.ts';
import type { Element } from '../../xmpp/stanza.ts';
import { NS_MARKERS } from '../chat/chat.build.ts';
import { parseGroupChatState, parseModeration, splitOccupant } from './muc.parse.ts';

interface SignalDeps {
  account: AccountId;
  store: Store;
  emit: CoreEmitter['emit'];
  /** Our nick in a room we are in; undefined for any other room. */
  ownNick: (room: BareJid) => string | undefined;
}

/** True when the stanza was such a signal (and is not a message to store). */
export function handleRoomSignal(stanza: Element, { account, store, emit, ownNick }: SignalDeps): boolean {
  const moderation = parseModeration(stanza);
  if (moderation) {
    const target =
      ownNick(moderation.room) !== undefined
        ? store.messages.byStanzaId(account, moderation.room, moderation.stanzaId)
        : undefined;
    if (target && !target.retracted) {
      store.messages.retract(target.id);
      emit('message.changed', { ...target, body: '', retracted: true });
    }
    return true;
  }
  const marker = stanza.attrs.type === 'groupchat' ? stanza.getChild('displayed', NS_MARKERS)?.attrs.id : undefined;
  const from = marker ? splitOccupant(stanza.attrs.from) : undefined;
  if (marker && from) {
    const nick = ownNick(from.room);
    const ours =
      nick !== undefined && nick !== from.nick ? store.messages.byStanzaId(account, from.room, marker) : undefined;
    if (ours?.direction === 'out') {
      for (const m of [...store.messages.outgoingBefore(account, from.room, ours.timestamp, 'read'), ours]) {
        if (store.messages.advanceState(m.id, 'read')) emit('message.updated', { account, id: m.id, state: 'read' });
      }
    }
    return true;
  }
  const typing = parseGroupChatState(stanza);
  if (typing) {
    const nick = ownNick(typing.room);
    if (nick !== undefined && typing.nick !== nick)
      emit('chat.stateChanged', { account, peer: typing.room, state: typing.state, nick: typing.nick });
    return true;
  }
  return false;
}
