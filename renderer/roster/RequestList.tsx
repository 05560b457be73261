// Subscription requests, on top of the roster, with accept and deny.
import type { AccountId } from '../../shared/model/account.ts';
import type { BareJid } from '../../shared/model/jid.ts';
import type { RosterItem } from '../../shared/model/roster.ts';
import { Avatar } from '../components/Avatar.tsx';
import { call } from '../ipc/client.ts';
import { useT } from '../i18n/useT.ts';
import { acceptRequest, openChat } from '../store/actions.ts';

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
            <span className="request-text">
              {t('roster.requestText', { jid: r.name || (r.nick ? `${r.nick} (${r.jid})` : r.jid) })}
            </span>
            <span className="request-actions">
              <button
                type="button"
                className="primary"
                aria-label={`${t('roster.accept')} ${r.jid}`}
                onClick={() => void acceptRequest(account, r.jid)}
              >
                {t('roster.accept')}
              </button>
              <button
                type="button"
                aria-label={`${t('roster.deny')} ${r.jid}`}
                onClick={() => void call('presence.deny', { account, jid: r.jid })}
              >
                {t('roster.deny')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Chats with people outside the roster: opened, added or blocked from here, never mixed into the contacts. */
export function StrangerList({
  account,
  strangers,
  unread,
}: {
  account: AccountId;
  strangers: readonly BareJid[];
  unread: Readonly<Record<string, number>>;
}) {
  const t = useT();
  if (strangers.length === 0) return null;
  return (
    <section className="requests strangers" aria-label={t('roster.strangers')}>
      <h3>{t('roster.strangers')}</h3>
      <ul>
        {strangers.map((jid) => (
          <li key={jid}>
            <Avatar jid={jid} name={jid} size={28} />
            <button type="button" className="link-button request-text" onClick={() => void openChat(account, jid)}>
              {t('roster.strangerText', { jid })}
              {unread[jid] ? ` (${unread[jid]})` : ''}
            </button>
            <span className="request-actions">
              <button
                type="button"
                aria-label={`${t('chat.block')} ${jid}`}
                className="danger"
                onClick={() => void call('blocklist.block', { account, jid })}
              >
                {t('chat.block')}
              </button>
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
