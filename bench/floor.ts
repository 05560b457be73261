// The floor: a bare @xmpp/client doing only the protocol work, to compare the engine against.
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { client, xml } from '@xmpp/client';
import { Parser } from '@xmpp/xml';
import type { ProsodyServer } from '../e2e/server/prosody.ts';
import type { TestUser } from '../e2e/helpers/accounts.ts';

export interface BareClient {
  send(stanza: unknown): Promise<void>;
  on(
    event: 'stanza',
    listener: (stanza: {
      name: string;
      attrs: Record<string, string>;
      getChildText(name: string): string | null;
    }) => void,
  ): void;
  stop(): Promise<void>;
}

let trusted = false;
export function trustServer(server: ProsodyServer): void {
  if (trusted) return;
  tls.setDefaultCACertificates([...tls.getCACertificates('default'), readFileSync(server.certPath, 'utf8')]);
  trusted = true;
}

export async function bareLogin(server: ProsodyServer, user: TestUser, resource: string): Promise<BareClient> {
  trustServer(server);
  const entity = client({
    service: `xmpp://127.0.0.1:${server.ports.c2s}`,
    domain: 'localhost',
    username: user.username,
    password: user.password,
    resource,
  });
  entity.on('error', () => undefined);
  entity.reconnect.stop();
  await entity.start();
  // As the engine does: no Nagle delay (without it the floor's round trips swing between 2 and 45 ms).
  const socket = (entity as unknown as { socket?: { socket?: { setNoDelay?(on: boolean): void } } }).socket;
  socket?.socket?.setNoDelay?.(true);
  return entity as unknown as BareClient;
}

export const chatStanza = (to: string, body: string): unknown =>
  xml('message', { to, type: 'chat' }, xml('body', {}, body));

/** A stanza the engine sent (its XML as recorded), addressed anew: the same bytes through the server. */
export function replayStanza(recorded: string, to: string): unknown {
  const parser = new Parser();
  let stanza: { attrs: Record<string, string> } | undefined;
  parser.on('element', (element: { attrs: Record<string, string> }) => (stanza ??= element));
  parser.write(`<stream xmlns='jabber:client'>`);
  parser.write(recorded);
  if (!stanza) throw new Error('no stanza recorded');
  stanza.attrs.to = to;
  delete stanza.attrs.id;
  return stanza;
}
export const presenceStanza = (): unknown => xml('presence');
