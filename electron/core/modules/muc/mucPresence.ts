// What we send a room: our own presence (show, status, caps, avatar hash) addressed to our occupant JID,
// as Gajim and Conversations do, so occupants see it; repeated to every joined room when it changes.
import type { OwnPresence } from '../../xmpp/module.ts';
import { type Element, xml } from '../../xmpp/stanza.ts';

export function roomPresence(own: OwnPresence | undefined, to: string, ...extra: (Element | undefined)[]): Element {
  const carried = (own?.current()?.getChildElements() ?? []).filter((child) => child.name !== 'priority');
  return xml('presence', { to }, ...carried, ...extra);
}
