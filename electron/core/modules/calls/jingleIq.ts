// Jingle IQs (XEP-0166): the session actions we send, and the errors we answer with.
import type { FullJid } from '../../../../shared/model/jid.ts';
import { StanzaError } from '../../xmpp/errors.ts';
import { el, type Element } from '../../xmpp/stanza.ts';
import { candidateElement } from './jingle.build.ts';
import { NS_ICE_UDP, NS_JINGLE, NS_JINGLE_ERRORS } from './jingle.ns.ts';
import type { Candidate, JingleContent } from './jingle.types.ts';

export const unknownSession = (): StanzaError =>
  new StanzaError('item-not-found', 'cancel', '', el('unknown-session', NS_JINGLE_ERRORS));
export const outOfOrder = (): StanzaError =>
  new StanzaError('unexpected-request', 'wait', '', el('out-of-order', NS_JINGLE_ERRORS));
export const unsupportedInfo = (): StanzaError =>
  new StanzaError('feature-not-implemented', 'modify', '', el('unsupported-info', NS_JINGLE_ERRORS));

export interface SessionIds {
  sid: string;
  initiator: FullJid;
}

export const jingle = (action: string, ids: SessionIds, ...children: (Element | undefined)[]): Element =>
  el('jingle', NS_JINGLE, { action, sid: ids.sid, initiator: ids.initiator }, ...children);

export const reasonElement = (condition: string): Element => el('reason', NS_JINGLE, {}, el(condition, NS_JINGLE));

/** One candidate in a transport-info, under the content it belongs to. */
export function transportInfo(
  ids: SessionIds,
  content: Pick<JingleContent, 'creator' | 'name' | 'senders'> & { ufrag?: string; pwd?: string },
  candidate: Candidate,
): Element {
  return jingle(
    'transport-info',
    ids,
    el(
      'content',
      NS_JINGLE,
      { creator: content.creator, name: content.name, senders: content.senders },
      el('transport', NS_ICE_UDP, { ufrag: content.ufrag, pwd: content.pwd }, candidateElement(candidate)),
    ),
  );
}
