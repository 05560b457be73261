// Stream negotiation (STARTTLS, SASL, bind, the guard) as xmpp.js's middleware runs it, but for
// <stream:features/> alone: that middleware builds a context with parsed JIDs for every element in and
// out (thousands in a big room's join) for handlers that only ever look at the features.
import type { Client } from '@xmpp/client-core';
import type { Context, Middleware } from '@xmpp/stream-features';
import type { Element } from '../xmpp/stanza.ts';

const NS_STREAMS = 'http://etherx.jabber.org/streams';

export interface Negotiation {
  /** Adds a handler after the others; each calls next() for what it does not take. */
  use(handler: Middleware): Middleware;
}

export function featureNegotiation(entity: Client): Negotiation {
  const handlers: Middleware[] = [];
  const run = (ctx: Context, index: number): Promise<unknown> => {
    const handler = handlers[index];
    if (!handler) return Promise.resolve();
    try {
      return Promise.resolve(handler(ctx, () => run(ctx, index + 1)));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
  entity.on('element', (element: Element) => {
    if (!element.is('features', NS_STREAMS)) return;
    run({ entity, stanza: element }, 0)
      .then((reply) => (reply ? entity.send(reply as Element) : undefined))
      .catch((error: unknown) => entity.emit('error', error));
  });
  return {
    use: (handler) => {
      handlers.push(handler);
      return handler;
    },
  };
}
