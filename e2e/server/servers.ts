// Both private servers behind one call, for the tests that run on each of them.
import { startEjabberd } from './ejabberd.ts';
import { startProsody } from './prosody.ts';
import type { XmppTestServer } from './xmppServer.ts';

export const SERVER_KINDS = ['prosody', 'ejabberd'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export function startServer(kind: ServerKind): Promise<XmppTestServer> {
  return kind === 'prosody' ? startProsody() : startEjabberd();
}
