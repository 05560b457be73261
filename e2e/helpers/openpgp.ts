// Engines with OpenPGP ready: our key made and announced, and the contacts' keys seen.
import type { BareJid } from '../../shared/model/jid.ts';
import { eventually } from './waitFor.ts';
import type { TestEngine } from './accounts.ts';

/** Waits until the engine holds its key and `jid` has announced `count` keys it can see. */
export async function knowsPgpKeys(engine: TestEngine, jid: BareJid, count = 1): Promise<void> {
  await eventually(
    async () => (await engine.core.commands['openpgp.ownKey']({ account: engine.account })) !== null,
    'our OpenPGP key',
  );
  await eventually(
    async () =>
      (await engine.core.commands['openpgp.keys']({ account: engine.account, jid, refresh: true })).filter(
        (k) => k.active,
      ).length >= count,
    `${count} OpenPGP key(s) of ${jid}`,
    20_000,
  );
}
