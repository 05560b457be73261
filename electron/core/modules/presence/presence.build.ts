import type { PresenceShow } from '../../../../shared/model/presence.ts';
import { type Element, xml } from '../../xmpp/stanza.ts';

export const NS_CAPS = 'http://jabber.org/protocol/caps';
export const NS_IDLE = 'urn:xmpp:idle:1';

export function buildPresence(
  show: PresenceShow,
  status: string,
  priority: number,
  caps?: { node: string; ver: string },
  /** XEP-0319: since when the user has been idle (ms). */
  idleSince?: number,
): Element {
  const showChild = show === 'online' || show === 'offline' ? undefined : xml('show', {}, show);
  return xml(
    'presence',
    show === 'offline' ? { type: 'unavailable' } : {},
    showChild,
    status ? xml('status', {}, status) : undefined,
    xml('priority', {}, String(priority)),
    caps && show !== 'offline'
      ? xml('c', { xmlns: NS_CAPS, hash: 'sha-1', node: caps.node, ver: caps.ver })
      : undefined,
    idleSince !== undefined && show !== 'offline'
      ? xml('idle', { xmlns: NS_IDLE, since: new Date(idleSince).toISOString() })
      : undefined,
  );
}

export function buildSubscription(
  to: string,
  type: 'subscribe' | 'subscribed' | 'unsubscribe' | 'unsubscribed',
): Element {
  return xml('presence', { to, type });
}
