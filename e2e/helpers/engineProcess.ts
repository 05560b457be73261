// An engine in its own process (so a test can kill it hard): logs one account in and prints a dot per
// stored message. Arguments: database path, JID, password, host, port, pinned fingerprint.
import { Core, createMemorySecretStore } from '../../electron/core/index.ts';

const [databasePath, jid, password, host, port, fingerprint] = process.argv.slice(2);
if (!databasePath || !jid || !password || !host || !port || !fingerprint)
  throw new Error('usage: engineProcess db jid password host port fingerprint');
const core = new Core({ databasePath, secrets: createMemorySecretStore() });
const account = jid as never;
if (!core.store.accounts.get(account)) await core.commands['account.add']({ jid, password, host, port: Number(port) });
else await core.commands['account.update']({ account, password });
await core.commands['account.trustCertificate']({ account, fingerprint });
core.events.on('message.added', () => process.stdout.write('.'));
await core.commands['account.connect']({ account });
process.stdout.write('online\n');
