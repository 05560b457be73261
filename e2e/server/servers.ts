// Both private servers behind one call, for the tests that run on each of them.
import { after, before, describe } from 'node:test';
import { startEjabberd } from './ejabberd.ts';
import { startProsody } from './prosody.ts';
import type { XmppTestServer } from './xmppServer.ts';

export const SERVER_KINDS = ['prosody', 'ejabberd'] as const;
export type ServerKind = (typeof SERVER_KINDS)[number];

export function startServer(kind: ServerKind): Promise<XmppTestServer> {
  return kind === 'prosody' ? startProsody() : startEjabberd();
}

/**
 * Registers `tests` once per server kind, in a group of its own whose server is started before its tests and
 * stopped after them; `at.server` is that group's server.
 */
export function onEachServer(tests: (at: { readonly server: XmppTestServer }, kind: ServerKind) => void): void {
  for (const kind of SERVER_KINDS)
    describe(`on ${kind}`, () => {
      let started: XmppTestServer | undefined;
      before(async () => {
        started = await startServer(kind);
      });
      after(async () => {
        await started?.stop();
      });
      tests(
        {
          get server(): XmppTestServer {
            if (!started) throw new Error(`the ${kind} server has not started`);
            return started;
          },
        },
        kind,
      );
    });
}
