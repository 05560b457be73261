// Opens one authenticated (or, for registration, secure but unauthenticated) XMPP stream.
// A new stream is built for every connection attempt, so no state leaks between attempts.
import { Client } from '@xmpp/client-core';
import resolve from '@xmpp/resolve';
import streamFeatures from '@xmpp/stream-features';
import type { TlsMode } from '../../../shared/model/connection.ts';
import { TimeoutError } from '../xmpp/errors.ts';
import { useBind } from './bind.ts';
import { type Credentials, type Unauthenticated, useSasl } from './sasl.ts';
import { useStartTls } from './starttls.ts';
import type { StreamManagement } from './streamManagement.ts';
import type { Element } from '../xmpp/stanza.ts';
import { createTransports } from './transports.ts';
import { DEFAULT_STREAM_LIMITS, type LimitedParser, type StreamLimits } from './limitedParser.ts';
import { StreamGuard, useUnhandledFeatures } from './streamGuard.ts';
import { featureNegotiation } from './negotiation.ts';
import { toBareJid } from '../../../shared/model/jid.ts';

export interface Endpoint {
  domain: string;
  host?: string | undefined;
  port?: number | undefined;
  tls: TlsMode;
  pinnedFingerprint?: string | undefined;
  knownFingerprint?: string | undefined;
  onTrusted?: ((fingerprint: string) => void) | undefined;
}

export const OPEN_TIMEOUT_MS = 30_000;

/** xmpp://host:port for STARTTLS, xmpps://host:port for direct TLS, or the bare domain for SRV look-up. */
export function serviceUri(endpoint: Endpoint): string {
  if (!endpoint.host) return endpoint.domain;
  const direct = endpoint.tls === 'direct';
  const host = endpoint.host.includes(':') ? `[${endpoint.host}]` : endpoint.host;
  return `${direct ? 'xmpps' : 'xmpp'}://${host}:${endpoint.port ?? (direct ? 5223 : 5222)}`;
}

export function createStream(
  endpoint: Endpoint,
  auth:
    | { credentials: Credentials; resource: string; sm?: StreamManagement; onFeatures?: (features: Element) => void }
    | Unauthenticated,
  limits: StreamLimits = DEFAULT_STREAM_LIMITS,
): Client {
  const entity = new Client({ service: serviceUri(endpoint), domain: endpoint.domain, timeout: 10_000 });
  const trust = {
    domain: endpoint.domain,
    pinnedFingerprint: endpoint.pinnedFingerprint,
    knownFingerprint: endpoint.knownFingerprint,
    onTrusted: endpoint.onTrusted,
  };
  entity.transports.push(...createTransports(trust, limits));
  // A redirect is the account runtime's to follow (once, with TLS for the same domain), not xmpp.js's.
  entity._onSeeOtherHost = (error) => {
    entity.emit('error', error);
    return Promise.resolve();
  };
  // A stanza past the limits closes the stream with policy-violation (xmpp.js would say bad-format).
  const streamError = entity._streamError.bind(entity);
  entity._streamError = (condition, children) => {
    const parser = entity.parser as Partial<LimitedParser> | null;
    return streamError(parser?.limitHit ? 'policy-violation' : condition, children);
  };
  resolve({ entity });
  const stack = featureNegotiation(entity);
  const features = streamFeatures({ middleware: stack });
  const binds = typeof auth !== 'function';
  const guard = new StreamGuard(binds ? toBareJid(`${auth.credentials.username}@${endpoint.domain}`) : undefined);
  useStartTls(features, trust);
  if (typeof auth === 'function') {
    useSasl(features, auth);
  } else {
    useSasl(features, auth.credentials, guard);
    useBind(features, auth.resource, guard, auth.sm, auth.onFeatures);
  }
  useUnhandledFeatures(stack, guard, binds);
  return entity;
}

/** Starts the stream; rejects with the first error (certificate, auth, network) or after a timeout. */
export async function startStream(entity: Client, timeoutMs = OPEN_TIMEOUT_MS): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError('Connecting', timeoutMs)), timeoutMs);
  });
  try {
    await Promise.race([entity.start(), timeout]);
  } catch (error) {
    entity.socket?.destroy?.();
    throw error;
  } finally {
    clearTimeout(timer);
  }
}
