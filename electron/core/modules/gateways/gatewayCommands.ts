// The gateway commands (XEP-0100), bound to an account's runtime.
import type { CoreCommands } from '../../../../shared/ipc/contract.ts';
import type { AccountId } from '../../../../shared/model/account.ts';
import type { AccountRuntime } from '../../account/accountRuntime.ts';

export type GatewayCommands = Pick<
  CoreCommands,
  'gateway.form' | 'gateway.register' | 'gateway.unregister' | 'gateway.list' | 'gateway.prompt' | 'gateway.translate'
>;

export function createGatewayCommands(runtime: (account: AccountId) => AccountRuntime): GatewayCommands {
  const gateways = (account: AccountId) => runtime(account).modules.gateways;
  return {
    'gateway.form': ({ account, jid }) => gateways(account).form(jid),
    'gateway.register': ({ account, jid, fields }) => gateways(account).register(jid, fields),
    'gateway.unregister': ({ account, jid }) => gateways(account).unregister(jid),
    'gateway.list': ({ account }) => Promise.resolve(gateways(account).list()),
    'gateway.prompt': ({ account, jid }) => gateways(account).prompt(jid),
    'gateway.translate': ({ account, jid, address }) => gateways(account).translate(jid, address),
  };
}
