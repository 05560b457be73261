import { create } from 'zustand';
import type { Account } from '../../shared/model/account.ts';

export interface AccountsSlice {
  accounts: Account[];
  accountsChanged(accounts: Account[]): void;
}

export const useAppStore = create<AccountsSlice>()((set) => ({
  accounts: [],
  accountsChanged: (accounts) => set({ accounts }),
}));
