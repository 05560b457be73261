import type { PresenceShow } from '../../../../shared/model/presence.ts';
import { type Element, xml } from '../../xmpp/stanza.ts';

export function buildPresence(show: PresenceShow, status: string, priority: number): Element {
  const showChild = show === 'online' || show === 'offline' ? undefined : xml('show', {}, show);
  return xml('presence', show === 'offline' ? { type: 'unavailable' } : {},
    showChild, status ? xml('status', {}, status) : undefined, xml('priority', {}, String(priority)));
}

export function buildSubscription(to: string, type: 'subscribe' | 'subscribed' | 'unsubscribe' | 'unsubscribed'): Element {
  return xml('presence', { to, type });
}
