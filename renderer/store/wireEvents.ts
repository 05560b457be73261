import type { Account } from '../../shared/model/account.ts';
import { bridge, call } from '../ipc/client.ts';
import { useAppStore } from './index.ts';

/** The one place that subscribes to engine events. */
export function wireEvents(): () => void {
  const accountsChanged = (accounts: Account[]): void => useAppStore.getState().accountsChanged(accounts);
  void call('account.list', {}).then(accountsChanged);
  const offs = [
    bridge.on('account.listChanged', (e) => accountsChanged(e.accounts)),
    bridge.on('connection.stateChanged', (e) => {
      accountsChanged(useAppStore.getState().accounts.map((a) => (a.id === e.account ? { ...a, state: e.state } : a)));
    }),
  ];
  return () => { for (const off of offs) off(); };
}
