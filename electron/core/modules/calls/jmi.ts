// XEP-0353 Jingle Message Initiation: the chat messages that make every device of the callee ring.
import { randomUUID } from 'node:crypto';
import type { CallMedia } from '../../../../shared/model/call.ts';
import { attr, el, type Element, xml } from '../../xmpp/stanza.ts';
import { NS_HINTS, NS_JINGLE, NS_JMI, NS_RTP } from './jingle.ns.ts';

export const JMI_ACTIONS = ['propose', 'ringing', 'proceed', 'accept', 'reject', 'retract', 'finish'] as const;
export type JmiAction = (typeof JMI_ACTIONS)[number];

export interface JmiMessage {
  action: JmiAction;
  id: string;
  media: CallMedia[];
  /** The Jingle reason's condition (busy, decline, cancel, success, …). */
  reason?: string;
  /** A reject or retract that settles two crossing proposals (XEP-0353 §5.1). */
  tieBreak?: boolean;
  /** A finish that hands the call over to a new session (§5.2). */
  migratedTo?: string;
}

const SID = /^[A-Za-z0-9._:-]{1,128}$/;
const NS_DELAY = 'urn:xmpp:delay';
export const PROPOSE_ID = 'jm-propose-';

export function parseJmi(message: Element): JmiMessage | undefined {
  const element = message.getChildElements().find((c) => c.getNS() === NS_JMI);
  const action = JMI_ACTIONS.find((a) => a === element?.name);
  const id = attr(element, 'id');
  if (!element || !action || !id || !SID.test(id)) return undefined;
  const media = [
    ...new Set(
      element
        .getChildren('description', NS_RTP)
        .map((d) => attr(d, 'media'))
        .filter((m): m is CallMedia => m === 'audio' || m === 'video'),
    ),
  ];
  const reason = element
    .getChild('reason', NS_JINGLE)
    ?.getChildElements()
    .find((c) => c.name !== 'text')?.name;
  const migratedTo = attr(element.getChild('migrated', NS_JMI), 'to');
  return {
    action,
    id,
    media,
    ...(reason ? { reason } : {}),
    ...(element.getChild('tie-break', NS_JMI) ? { tieBreak: true } : {}),
    ...(migratedTo && SID.test(migratedTo) ? { migratedTo } : {}),
  };
}

export const isDelayed = (message: Element): boolean => message.getChild('delay', NS_DELAY) !== undefined;

/** A JMI message: type chat with a store hint, so carbons and archives carry it to every device. */
export function jmiMessage(
  to: string,
  action: JmiAction,
  id: string,
  extra: { media?: CallMedia[]; reason?: string; tieBreak?: boolean; migratedTo?: string } = {},
): Element {
  const payload = el(
    action,
    NS_JMI,
    { id },
    ...(extra.media ?? []).map((media) => el('description', NS_RTP, { media })),
    extra.reason ? el('reason', NS_JINGLE, {}, el(extra.reason, NS_JINGLE)) : undefined,
    extra.tieBreak ? el('tie-break', NS_JMI) : undefined,
    extra.migratedTo ? el('migrated', NS_JMI, { to: extra.migratedTo }) : undefined,
  );
  const receipt = action === 'propose' ? el('request', 'urn:xmpp:receipts') : undefined;
  return xml(
    'message',
    // The propose's id names the session, so its receipt tells which call rings (Conversations rings on it).
    { to, type: 'chat', id: action === 'propose' ? `${PROPOSE_ID}${id}` : `jm-${action}-${randomUUID()}` },
    payload,
    receipt,
    el('store', NS_HINTS),
  );
}
