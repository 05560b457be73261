// Accounts, complete: the password changed on the server (XEP-0077 §3.3), the account deleted on the server
// (§3.2, then everything local removed), switched off without deleting it, coloured, and put in order.
import type { CoreCommands } from '../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../shared/model/account.ts';
import type { AccountRuntime } from './accountRuntime.ts';
import type { Store } from '../store/index.ts';
import { el, xml } from '../xmpp/stanza.ts';
import { UserError } from '../userError.ts';

const NS_REGISTER = 'jabber:iq:register';

export type AccountManagementCommands = Pick<
  CoreCommands,
  'account.changePassword' | 'account.deleteOnServer' | 'account.setEnabled' | 'account.setColor' | 'account.reorder'
>;

export function createAccountManagement(deps: {
  store: Store;
  runtime: (account: AccountId) => AccountRuntime;
  savePassword: (account: AccountId, password: string) => Promise<void>;
  removeLocally: (account: AccountId) => Promise<void>;
  changed: () => Promise<void>;
}): AccountManagementCommands {
  const { store, runtime } = deps;
  const row = (account: AccountId) => {
    const found = store.accounts.get(account);
    if (!found) throw new UserError(`No account ${account}`, 'no-account', { account });
    return found;
  };
  const online = (account: AccountId) => {
    const connection = runtime(account).connection;
    if (!connection.online) throw new UserError('The account is not connected', 'not-connected', { account });
    return connection;
  };
  return {
    'account.changePassword': async ({ account, password }) => {
      row(account);
      const username = account.slice(0, account.indexOf('@'));
      await online(account).iq(
        'set',
        undefined,
        el('query', NS_REGISTER, {}, xml('username', {}, username), xml('password', {}, password)),
      );
      await deps.savePassword(account, password);
    },
    'account.deleteOnServer': async ({ account, confirm }) => {
      row(account);
      if (confirm !== account)
        throw new UserError('Type the address to delete the account', 'confirm-mismatch', { account });
      // The server may close the stream before it answers: a closed stream after the request counts as done.
      await online(account)
        .iq('set', undefined, el('query', NS_REGISTER, {}, xml('remove')), 20_000)
        .catch((error: unknown) => {
          if (runtime(account).connection.online) throw error;
        });
      await deps.removeLocally(account);
    },
    'account.setEnabled': async ({ account, enabled }) => {
      store.accounts.upsert({ ...row(account), enabled });
      if (!enabled) await runtime(account).disconnect();
      else
        void runtime(account)
          .connect()
          .catch(() => undefined);
      await deps.changed();
    },
    'account.setColor': async ({ account, color }) => {
      store.accounts.upsert({ ...row(account), color });
      await deps.changed();
    },
    'account.reorder': async ({ accounts }) => {
      accounts.forEach((account, position) => {
        const found = store.accounts.get(account);
        if (found) store.accounts.upsert({ ...found, position });
      });
      await deps.changed();
    },
  };
}
