// TLS for the XMPP stream with verification that stays on: either the system's trust store
// accepts the certificate for the domain, or its SHA-256 fingerprint is the one the user pinned.
import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import tls, { type TLSSocket } from 'node:tls';
import { CertificateError } from '../xmpp/errors.ts';

export interface TlsTrust {
  /** The XMPP domain: SNI and the name the certificate must carry. */
  domain: string;
  /** A fingerprint (AB:CD:…) the user accepted for this account. */
  pinnedFingerprint?: string | undefined;
  /** The fingerprint this server showed the last time it was trusted (pinned or by the system). */
  knownFingerprint?: string | undefined;
  /** Told the fingerprint of every certificate that was trusted. */
  onTrusted?: ((fingerprint: string) => void) | undefined;
}

/** Returns a CertificateError when the peer is not trusted, undefined when it is. */
export function checkPeer(socket: TLSSocket, trust: TlsTrust): CertificateError | undefined {
  const cert = socket.getPeerCertificate();
  const fingerprint = cert.fingerprint256 ?? '';
  if ((trust.pinnedFingerprint && fingerprint === trust.pinnedFingerprint) || socket.authorized) {
    trust.onTrusted?.(fingerprint);
    return undefined;
  }
  const subject = cert.subject?.CN ?? '';
  const rawReason = socket.authorizationError;
  const reason = rawReason instanceof Error ? rawReason.message : String(rawReason ?? 'not trusted');
  // A server that showed a trusted certificate before now shows an untrusted one: that is news, not a first use.
  const before = trust.pinnedFingerprint ?? trust.knownFingerprint;
  return new CertificateError(
    reason,
    fingerprint,
    String(subject),
    before && before !== fingerprint ? before : undefined,
  );
}

/** The shape xmpp.js expects of a transport socket, emitting 'connect' only once the peer is trusted. */
export class SecureSocket extends EventEmitter {
  secure = true;
  #socket: TLSSocket | undefined;
  readonly #trust: TlsTrust;

  constructor(trust: TlsTrust) {
    super();
    this.#trust = trust;
  }

  connect(params: { host: string; port: number } | { socket: Socket }): void {
    const socket = tls.connect({
      ...params,
      servername: this.#trust.domain,
      // The verdict is taken in onSecure: system trust for the domain, or the pinned fingerprint.
      rejectUnauthorized: false,
      checkServerIdentity: (_host, cert) => tls.checkServerIdentity(this.#trust.domain, cert),
    });
    this.#socket = socket;
    socket.setNoDelay(true);
    socket.on('secureConnect', () => {
      const problem = checkPeer(socket, this.#trust);
      if (problem) {
        socket.destroy();
        this.emit('error', problem);
        return;
      }
      this.emit('connect');
    });
    socket.on('data', (data: Buffer) => {
      // xmpp.js drops its parser when the stream closes but keeps reading the socket: bytes that arrive
      // after </stream:stream> would throw out of its data handler and take the process down.
      try {
        this.emit('data', data);
      } catch (error) {
        socket.destroy();
        this.emit('error', error instanceof Error ? error : new Error(String(error)));
      }
    });
    socket.on('error', (error: Error) => this.emit('error', error));
    socket.on('close', () => this.emit('close'));
  }

  write(data: string, cb: (err?: Error | null) => void): void {
    if (!this.#socket || this.#socket.destroyed) {
      cb(new Error('socket is closed'));
      return;
    }
    this.#socket.write(data, cb);
  }

  end(): void {
    this.#socket?.end();
  }

  destroy(): void {
    this.#socket?.destroy();
  }
}
