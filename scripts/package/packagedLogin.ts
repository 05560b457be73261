// The engine as packed in app.asar, in plain Node: creates an account on a private Prosody and logs in.
import { startProsody } from '../../e2e/server/prosody.ts';
import type * as CoreModule from '../../electron/core/index.ts';

export async function loginWithPackagedEngine(coreUrl: string): Promise<{ jid: string; ms: number }> {
  const { createCore, createMemorySecretStore } = (await import(coreUrl)) as typeof CoreModule;
  const server = await startProsody();
  const core = createCore({ databasePath: ':memory:', secrets: createMemorySecretStore() });
  try {
    const started = Date.now();
    const address = {
      domain: server.domain,
      host: server.host,
      port: server.ports.c2s,
      pinnedFingerprint: server.fingerprint,
    };
    const password = `pw-${Math.random().toString(36).slice(2)}`;
    const jid = await core.commands['account.register']({
      ...address,
      username: `packaged${Date.now()}`,
      password,
      fields: {},
    });
    await core.commands['account.add']({ jid, password, host: server.host, port: server.ports.c2s });
    await core.commands['account.trustCertificate']({ account: jid, fingerprint: server.fingerprint });
    const online = new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('the packaged engine did not come online in 60 s')), 60_000);
      core.events.on('connection.stateChanged', ({ state }) => {
        if (state.status === 'online') {
          clearTimeout(timer);
          resolve();
        }
      });
    });
    await core.commands['account.connect']({ account: jid });
    await online;
    return { jid, ms: Date.now() - started };
  } finally {
    await core.close();
    await server.stop();
  }
}
