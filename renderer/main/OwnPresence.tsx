// The account at the top of the sidebar: presence show and status message (the engine remembers both).
import { useEffect, useState } from 'react';
import type { Account } from '../../shared/model/account.ts';
import { PRESENCE_SHOWS, type PresenceShow } from '../../shared/model/presence.ts';
import { Avatar } from '../components/Avatar.tsx';
import { accountColor } from '../accounts/AccountsSection.tsx';
import { PresenceDot } from '../components/PresenceDot.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { setState, useAppStore } from '../store/index.ts';

export function OwnPresence({ account }: { account: Account }) {
  const t = useT();
  const accounts = useAppStore((s) => s.accounts);
  const unread = useAppStore((s) => s.unread);
  const unreadOf = (id: string): number =>
    Object.entries(unread).reduce((sum, [key, n]) => (key.startsWith(`${id} `) ? sum + n : sum), 0);
  const [status, setStatus] = useState(account.presence.status);
  useEffect(() => setStatus(account.presence.status), [account.presence.status]);
  const shown: PresenceShow = account.state.status === 'online' ? account.presence.show : 'offline';
  const set = (show: PresenceShow, text = status): void => {
    void call('presence.set', { account: account.id, show, status: text }).catch(() => undefined);
  };
  return (
    <section className="own-presence" aria-label={t('presence.label')}>
      <div className="own-identity">
        <span className="account-ring" style={accounts.length > 1 ? { borderColor: accountColor(account) } : undefined}>
          <Avatar jid={account.jid} name={account.jid} size={40} />
        </span>
        <PresenceDot show={shown} />
        {accounts.length > 1 ? (
          <select
            aria-label={t('roster.account')}
            value={account.id}
            onChange={(e) => setState({ activeAccount: accounts.find((a) => a.id === e.target.value)?.id })}
          >
            {accounts.map((a) => (
              <option key={a.id} value={a.id}>
                {unreadOf(a.id) > 0 ? `${a.jid} (${unreadOf(a.id)})` : a.jid}
              </option>
            ))}
          </select>
        ) : (
          <span className="own-jid" title={account.jid}>
            {account.jid}
          </span>
        )}
      </div>
      <div className="own-controls">
        <select
          aria-label={t('presence.label')}
          value={account.presence.show}
          onChange={(e) => set(e.target.value as PresenceShow)}
        >
          {PRESENCE_SHOWS.map((show) => (
            <option key={show} value={show}>
              {t(`show.${show}`)}
            </option>
          ))}
        </select>
        <input
          type="text"
          aria-label={t('presence.status')}
          placeholder={t('presence.statusHint')}
          value={status}
          maxLength={1024}
          onChange={(e) => setStatus(e.target.value)}
          onBlur={() => {
            if (status !== account.presence.status) set(account.presence.show);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') set(account.presence.show);
          }}
        />
      </div>
    </section>
  );
}
