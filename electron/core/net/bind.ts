// Resource binding (RFC 6120 §7): the server may assign a different resource than asked for.
import type { Client } from '@xmpp/client-core';
import type { StreamFeatures } from '@xmpp/stream-features';
import { toFullJid } from '../../../shared/model/jid.ts';
import { ProtocolError, StanzaError } from '../xmpp/errors.ts';
import { el, xml } from '../xmpp/stanza.ts';

export const NS_BIND = 'urn:ietf:params:xml:ns:xmpp-bind';

export function useBind(streamFeatures: StreamFeatures, resource: string): void {
  streamFeatures.use('bind', NS_BIND, async ({ entity }: { entity: Client }) => {
    const request = xml('iq', { type: 'set', id: `bind-${Date.now().toString(36)}` }, el('bind', NS_BIND, {}, resource ? xml('resource', {}, resource) : undefined));
    const answer = await entity.sendReceive(request, 15_000);
    if (answer.attrs.type === 'error') throw StanzaError.fromStanza(answer);
    const bound = toFullJid(answer.getChild('bind', NS_BIND)?.getChildText('jid') ?? '');
    if (!bound) throw new ProtocolError('The server bound no valid JID');
    entity._jid(bound);
    entity._ready(false);
  });
}
