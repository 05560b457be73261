// The floor: a bare @xmpp/client doing only the protocol work, to compare the engine against.
import { readFileSync } from 'node:fs';
import tls from 'node:tls';
import { client, xml } from '@xmpp/client';
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
  return entity as unknown as BareClient;
}

export const chatStanza = (to: string, body: string): unknown =>
  xml('message', { to, type: 'chat' }, xml('body', {}, body));
export const presenceStanza = (): unknown => xml('presence');
