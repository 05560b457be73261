// Transport classes for one connection attempt: plain TCP (to be upgraded by STARTTLS)
// and direct TLS (XEP-0368), both with Nagle off.
import { Socket } from 'node:net';
import ConnectionTCP from '@xmpp/connection-tcp';
import { parseURI } from '@xmpp/connection/lib/util.js';
import { SecureSocket, type TlsTrust } from './tlsSocket.ts';
import { DEFAULT_STREAM_LIMITS, limitedParserClass, type StreamLimits } from './limitedParser.ts';

class PlainSocket extends Socket {
  secure = false;
  constructor() {
    super();
    this.setNoDelay(true);
  }

  // xmpp.js keeps reading after it dropped its parser (a stream error, a limit): a throwing 'data'
  // listener would take the process down, so it ends this socket instead.
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event !== 'data') return super.emit(event, ...args);
    try {
      return super.emit(event, ...args);
    } catch (error) {
      this.destroy(error instanceof Error ? error : new Error(String(error)));
      return true;
    }
  }
}

export function createTransports(trust: TlsTrust, limits: StreamLimits = DEFAULT_STREAM_LIMITS): unknown[] {
  const Parser = limitedParserClass(limits);
  class TcpTransport extends ConnectionTCP {
    override socketParameters(service: string): { host: string; port: number } | undefined {
      const { port, hostname, protocol } = parseURI(service);
      return protocol === 'xmpp:' ? { host: hostname, port: Number(port) || 5222 } : undefined;
    }
  }
  Object.assign(TcpTransport.prototype, { Socket: PlainSocket, NS: 'jabber:client', Parser });
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
  Object.assign(DirectTlsTransport.prototype, { Socket: DirectTlsSocket, NS: 'jabber:client', Parser });
  return [TcpTransport, DirectTlsTransport];
}
