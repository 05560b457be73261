// Resource binding (RFC 6120 §7): the server may assign a different resource than asked for.
import type { Client } from '@xmpp/client-core';
import type { StreamFeatures } from '@xmpp/stream-features';
import { toFullJid } from '../../../shared/model/jid.ts';
import { ProtocolError, StanzaError } from '../xmpp/errors.ts';
import { type Element, el, xml } from '../xmpp/stanza.ts';
import { NS_SM, type StreamManagement } from './streamManagement.ts';
import type { StreamGuard } from './streamGuard.ts';

export const NS_BIND = 'urn:ietf:params:xml:ns:xmpp-bind';

/**
 * The session step after authentication: resume the previous stream-managed session when possible,
 * otherwise bind a resource and enable stream management before anything else is sent.
 */
export function useBind(
  streamFeatures: StreamFeatures,
  resource: string,
  guard: StreamGuard,
  sm?: StreamManagement,
  onFeatures?: (features: Element) => void,
): void {
  streamFeatures.use('bind', NS_BIND, async ({ entity, stanza }: { entity: Client; stanza: Element }) => {
    guard.beforeBind(entity);
    onFeatures?.(stanza);
    const smOffered = stanza.getChild('sm', NS_SM) !== undefined;
    const previous = sm?.jid;
    if (sm && smOffered && previous && sm.canResume() && (await sm.resume(entity))) {
      entity._jid(previous);
      // _ready(true) would not emit 'online', and start() waits for it; sm.resumed tells the two apart.
      entity._ready(false);
      return;
    }
    const request = xml(
      'iq',
      { type: 'set', id: `bind-${Date.now().toString(36)}` },
      el('bind', NS_BIND, {}, resource ? xml('resource', {}, resource) : undefined),
    );
    const answer = await entity.sendReceive(request, 15_000);
    if (answer.attrs.type === 'error') throw StanzaError.fromStanza(answer);
    const bound = toFullJid(answer.getChild('bind', NS_BIND)?.getChildText('jid') ?? '');
    if (!bound) throw new ProtocolError('The server bound no valid JID');
    guard.checkBound(bound);
    entity._jid(bound);
    if (sm && smOffered) await sm.enable(entity, bound);
    entity._ready(false);
  });
}
