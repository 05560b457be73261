// Subscription requests, on top of the roster, with accept and deny.
import type { AccountId } from '../../shared/model/account.ts';
import type { RosterItem } from '../../shared/model/roster.ts';
import { Avatar } from '../components/Avatar.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { acceptRequest } from '../store/actions.ts';

export function RequestList({ account, requests }: { account: AccountId; requests: readonly RosterItem[] }) {
  const t = useT();
  if (requests.length === 0) return null;
  return (
    <section className="requests" aria-label={t('roster.requests')}>
      <h3>{t('roster.requests')}</h3>
      <ul>
        {requests.map((r) => (
          <li key={r.jid}>
            <Avatar jid={r.jid} name={r.name || r.jid} size={28} />
            <span className="request-text">{t('roster.requestText', { jid: r.name || r.jid })}</span>
            <span className="request-actions">
              <button type="button" className="primary" aria-label={`${t('roster.accept')} ${r.jid}`} onClick={() => void acceptRequest(account, r.jid)}>{t('roster.accept')}</button>
              <button type="button" aria-label={`${t('roster.deny')} ${r.jid}`} onClick={() => void call('presence.deny', { account, jid: r.jid })}>{t('roster.deny')}</button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
