// Transport classes for one connection attempt: plain TCP (to be upgraded by STARTTLS)
// and direct TLS (XEP-0368), both with Nagle off.
import { Socket } from 'node:net';
import ConnectionTCP from '@xmpp/connection-tcp';
import { parseURI } from '@xmpp/connection/lib/util.js';
import { SecureSocket, type TlsTrust } from './tlsSocket.ts';

class PlainSocket extends Socket {
  secure = false;
  constructor() {
    super();
    this.setNoDelay(true);
  }
}

class TcpTransport extends ConnectionTCP {
  override socketParameters(service: string): { host: string; port: number } | undefined {
    const { port, hostname, protocol } = parseURI(service);
    return protocol === 'xmpp:' ? { host: hostname, port: Number(port) || 5222 } : undefined;
  }
}

Object.assign(TcpTransport.prototype, { Socket: PlainSocket, NS: 'jabber:client' });

export function createTransports(trust: TlsTrust): unknown[] {
  class DirectTlsSocket extends SecureSocket {
    constructor() {
      super(trust);
    }
  }
  class DirectTlsTransport extends ConnectionTCP {
    override socketParameters(service: string): { host: string; port: number } | undefined {
      const { port, hostname, protocol } = parseURI(service);
      return protocol === 'xmpps:' ? { host: hostname, port: Number(port) || 5223 } : undefined;
    }
  }
  Object.assign(DirectTlsTransport.prototype, { Socket: DirectTlsSocket, NS: 'jabber:client' });
  return [TcpTransport, DirectTlsTransport];
}
