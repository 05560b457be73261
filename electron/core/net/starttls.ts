// STARTTLS (RFC 6120 §5): upgrade the plain socket, verifying the peer as tlsSocket.ts does.
import { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import { promise } from '@xmpp/events';
import type { Client } from '@xmpp/client-core';
import type { StreamFeatures } from '@xmpp/stream-features';
import { ProtocolError } from '../xmpp/errors.ts';
import { el } from '../xmpp/stanza.ts';
import { SecureSocket, type TlsTrust } from './tlsSocket.ts';

export const NS_TLS = 'urn:ietf:params:xml:ns:xmpp-tls';

export function useStartTls(streamFeatures: StreamFeatures, trust: TlsTrust): void {
  streamFeatures.use('starttls', NS_TLS, async ({ entity }: { entity: Client }, next) => {
    const socket = entity.socket;
    if (!(socket instanceof Socket) || socket instanceof TLSSocket || entity.isSecure()) return next();
    const answer = await entity.sendReceive(el('starttls', NS_TLS));
    if (!answer.is('proceed', NS_TLS)) throw new ProtocolError('The server refused to start TLS');
    const secure = new SecureSocket(trust);
    secure.connect({ socket });
    await promise(secure, 'connect');
    entity._attachSocket(secure as unknown as Parameters<Client['_attachSocket']>[0]);
    await entity.restart();
    return undefined;
  });
}
