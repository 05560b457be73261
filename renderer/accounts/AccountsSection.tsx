// Every account: switched on or off (kept, not deleted), its colour (a stripe in the chat list and a ring
// around its avatar), and its place in the order the account picker shows.
import { useEffect, useState } from 'react';
import type { Account, AccountId } from '../../shared/model/account.ts';
import { showNotice } from '../components/Confirmation.tsx';
import { useT } from '../i18n/useT.ts';
import { call } from '../ipc/client.ts';
import { consistentColor } from '../lib/consistentColor.ts';
import { useAppStore } from '../store/index.ts';

export function accountColor(account: { id: AccountId; color?: string | undefined }): string {
  return account.color || consistentColor(account.id);
}

function move(accounts: readonly Account[], id: AccountId, by: -1 | 1): AccountId[] {
  const ids = accounts.map((a) => a.id);
  const at = ids.indexOf(id);
  const to = at + by;
  if (at < 0 || to < 0 || to >= ids.length) return ids;
  [ids[at], ids[to]] = [ids[to] as AccountId, ids[at] as AccountId];
  return ids;
}

/** Holds the picked colour itself: a controlled value would jump back until the engine has saved it. */
function ColorInput({ label, value, onPick }: { label: string; value: string; onPick: (color: string) => void }) {
  const [shown, setShown] = useState(value);
  useEffect(() => setShown(value), [value]);
  return (
    <input
      type="color"
      aria-label={label}
      value={shown}
      onChange={(e) => {
        if (e.target.value === shown) return;
        setShown(e.target.value);
        onPick(e.target.value);
      }}
    />
  );
}

export function AccountsSection() {
  const t = useT();
  const accounts = useAppStore((s) => s.accounts);
  const run = (action: Promise<unknown>): void => void action.catch(showNotice);
  return (
    <section className="dialog-form" aria-label={t('accounts.title')}>
      <h3>{t('accounts.title')}</h3>
      <ul className="account-list">
        {accounts.map((account, index) => (
          <li key={account.id} className="account-row" aria-label={account.jid}>
            <ColorInput
              label={t('accounts.color', { jid: account.jid })}
              value={accountColor(account)}
              onPick={(color) => run(call('account.setColor', { account: account.id, color }))}
            />
            <span className="account-row-jid">{account.jid}</span>
            <label className="checkbox">
              <input
                type="checkbox"
                checked={account.enabled}
                onChange={(e) => run(call('account.setEnabled', { account: account.id, enabled: e.target.checked }))}
              />
              <span>{t('accounts.enabled')}</span>
            </label>
            <button
              type="button"
              className="icon-button"
              disabled={index === 0}
              aria-label={t('accounts.up', { jid: account.jid })}
              onClick={() => run(call('account.reorder', { accounts: move(accounts, account.id, -1) }))}
            >
              ↑
            </button>
            <button
              type="button"
              className="icon-button"
              disabled={index === accounts.length - 1}
              aria-label={t('accounts.down', { jid: account.jid })}
              onClick={() => run(call('account.reorder', { accounts: move(accounts, account.id, 1) }))}
            >
              ↓
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
