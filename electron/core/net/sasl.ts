// SASL (RFC 6120 §6) with SCRAM from scram.ts; PLAIN only when no SCRAM is offered.
// Credentials are never sent on a stream that is not TLS-protected.
import type { Client } from '@xmpp/client-core';
import type { StreamFeatures } from '@xmpp/stream-features';
import { AuthError, ProtocolError } from '../xmpp/errors.ts';
import { el, type Element } from '../xmpp/stanza.ts';
import { SCRAM_MECHANISMS, ScramClient } from './scram.ts';
import { noTls, type StreamGuard } from './streamGuard.ts';

export const NS_SASL = 'urn:ietf:params:xml:ns:xmpp-sasl';
const STEP_TIMEOUT_MS = 15_000;

export interface Credentials {
  username: string;
  password: string;
}

const b64 = (text: string): string => Buffer.from(text, 'utf8').toString('base64');
const unb64 = (element: Element): string => Buffer.from(element.text(), 'base64').toString('utf8');

function failure(answer: Element): AuthError {
  const condition = answer.getChildElements().find((c) => c.name !== 'text')?.name ?? 'not-authorized';
  return new AuthError(condition, answer.getChildText('text') ?? '');
}

async function step(entity: Client, request: Element, expect: string): Promise<Element> {
  const answer = await entity.sendReceive(request, STEP_TIMEOUT_MS);
  if (answer.is('failure', NS_SASL)) throw failure(answer);
  if (!answer.is(expect, NS_SASL)) throw new ProtocolError(`SASL: expected <${expect}/>, got <${answer.name}/>`);
  return answer;
}

async function scram(entity: Client, name: string, client: ScramClient): Promise<void> {
  const challenge = await step(
    entity,
    el('auth', NS_SASL, { mechanism: name }, b64(client.clientFirst())),
    'challenge',
  );
  const final = await client.clientFinal(unb64(challenge));
  const success = await step(entity, el('response', NS_SASL, {}, b64(final)), 'success');
  client.verifyServerFinal(unb64(success));
}

export async function authenticate(entity: Client, offered: Set<string>, creds: Credentials): Promise<void> {
  if (!entity.isSecure()) throw new ProtocolError('The stream is not encrypted: refusing to send credentials');
  const mechanism = SCRAM_MECHANISMS.find((m) => offered.has(m.name));
  if (mechanism) {
    await scram(entity, mechanism.name, new ScramClient(mechanism.hash, creds.username, creds.password));
    return;
  }
  if (offered.has('PLAIN')) {
    await step(
      entity,
      el('auth', NS_SASL, { mechanism: 'PLAIN' }, b64(`\u0000${creds.username}\u0000${creds.password}`)),
      'success',
    );
    return;
  }
  throw new ProtocolError(`No supported SASL mechanism offered (${[...offered].join(', ') || 'none'})`);
}

export type Unauthenticated = (entity: Client) => Promise<void>;

/** On <mechanisms/>: log in, or (for in-band registration) hand the secure, unauthenticated stream over. */
export function useSasl(
  streamFeatures: StreamFeatures,
  creds: Credentials | Unauthenticated,
  guard?: StreamGuard,
): void {
  streamFeatures.use('mechanisms', NS_SASL, async ({ entity }, _next, feature) => {
    if (!entity.isSecure()) throw noTls();
    if (typeof creds === 'function') {
      await creds(entity);
      return;
    }
    const offered = new Set(feature.getChildren('mechanism', NS_SASL).map((m) => m.text().trim()));
    await authenticate(entity, offered, creds);
    guard?.authenticated(entity);
    await entity.restart();
  });
}
