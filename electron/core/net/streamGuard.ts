// What a stream must have reached before it may bind a resource: TLS, then a successful SASL
// authentication on that TLS stream; and the JID the server binds must be the account's own.
import type { Client } from '@xmpp/client-core';
import { type BareJid, bareOf, type FullJid } from '../../../shared/model/jid.ts';
import { ProtocolError } from '../xmpp/errors.ts';
import type { Element } from '../xmpp/stanza.ts';
import type { Negotiation } from './negotiation.ts';

const NS_STREAMS = 'http://etherx.jabber.org/streams';

export const noTls = (): ProtocolError =>
  new ProtocolError('The server did not offer encryption: refusing to continue in the clear', 'no-tls');

export class StreamGuard {
  #authenticated = false;
  readonly #expected: BareJid | undefined;

  /** `expected`: the account's bare JID, or undefined for a stream that never binds (registration). */
  constructor(expected: BareJid | undefined) {
    this.#expected = expected;
  }

  authenticated(entity: Client): void {
    if (!entity.isSecure()) throw noTls();
    this.#authenticated = true;
  }

  /** Before any bind or resumption: TLS and authentication, or a specific refusal. */
  beforeBind(entity: Client): void {
    if (!entity.isSecure()) throw noTls();
    if (!this.#authenticated) {
      throw new ProtocolError('The server skipped authentication: refusing a session we did not log in to', 'no-auth');
    }
  }

  checkBound(jid: FullJid): void {
    if (this.#expected !== undefined && bareOf(jid) !== this.#expected) {
      throw new ProtocolError(`The server bound another account's address (${jid.slice(0, 200)})`, 'wrong-jid');
    }
  }
}

/**
 * The last stream-features handler: features that no earlier handler took (no STARTTLS on a plain
 * stream, no mechanisms before authentication, nothing usable at all) end the attempt in words
 * instead of waiting for a timeout.
 */
export function useUnhandledFeatures(stack: Negotiation, guard: StreamGuard, binds: boolean): void {
  stack.use(({ entity, stanza }: { entity: Client; stanza: Element }, next: () => Promise<unknown>) => {
    if (!stanza.is('features', NS_STREAMS)) return next();
    if (!entity.isSecure()) throw noTls();
    if (binds) guard.beforeBind(entity);
    throw new ProtocolError('The server offered nothing this client can use to log in');
  });
}
